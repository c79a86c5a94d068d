package io.alertjobbridge.simulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The Job v3 APIs the simulator answers, with the one method the gateway registers for each (reference 1.1). */
enum JobApi {
    EXECUTE_JOB_PLAN("POST"),
    GET_JOB_INSTANCE_STATUS("GET"),
    BATCH_GET_JOB_INSTANCE_IP_LOG("POST"),
    GET_JOB_INSTANCE_IP_LOG("GET"),
    OPERATE_JOB_INSTANCE("POST"),
    GET_JOB_PLAN_DETAIL("GET"),
    GET_JOB_PLAN_LIST("GET"),
    GET_JOB_INSTANCE_LIST("GET");

    private final String gatewayMethod;

    JobApi(String gatewayMethod) {
        this.gatewayMethod = gatewayMethod;
    }

    /** The name in the URL path, e.g. {@code execute_job_plan}. */
    String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    String gatewayMethod() {
        return gatewayMethod;
    }

    static Optional<JobApi> byName(String apiName) {
        return Arrays.stream(values()).filter(a -> a.apiName().equals(apiName)).findFirst();
    }
}
