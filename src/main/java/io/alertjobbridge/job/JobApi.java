package io.alertjobbridge.job;

/**
 * The Job API v3 calls the bridge makes, with the HTTP method the API gateway registers for each
 * (section 1.1 of bk-job-api.md). Through the ESB every call is a POST with a JSON body.
 */
public enum JobApi {
    EXECUTE_JOB_PLAN("execute_job_plan", "POST"),
    GET_JOB_INSTANCE_STATUS("get_job_instance_status", "GET"),
    BATCH_GET_JOB_INSTANCE_IP_LOG("batch_get_job_instance_ip_log", "POST"),
    OPERATE_JOB_INSTANCE("operate_job_instance", "POST"),
    GET_JOB_INSTANCE_LIST("get_job_instance_list", "GET");

    private final String path;
    private final String gatewayMethod;

    JobApi(String path, String gatewayMethod) {
        this.path = path;
        this.gatewayMethod = gatewayMethod;
    }

    public String path() {
        return path;
    }

    public String gatewayMethod() {
        return gatewayMethod;
    }
}
