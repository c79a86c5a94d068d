package io.alertjobbridge.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the parameters of each Job call; every call names its scope as bk_scope_type biz. */
public final class JobCalls {

    /** operate_job_instance operation codes (section 8 of bk-job-api.md). */
    public static final int OPERATION_TERMINATE = 1;
    public static final int OPERATION_START = 2;

    private JobCalls() {
    }

    private static Map<String, Object> scope(long bkBizId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("bk_scope_type", "biz");
        p.put("bk_scope_id", String.valueOf(bkBizId));
        return p;
    }

    public static JobCall executeJobPlan(long bkBizId, long planId, List<Map<String, Object>> globalVarList,
                                         boolean startTask) {
        Map<String, Object> p = scope(bkBizId);
        p.put("job_plan_id", planId);
        p.put("global_var_list", globalVarList);
        if (!startTask) {
            p.put("start_task", false);
        }
        return new JobCall(JobApi.EXECUTE_JOB_PLAN, p);
    }

    public static JobCall operate(long bkBizId, long jobInstanceId, int operationCode) {
        Map<String, Object> p = scope(bkBizId);
        p.put("job_instance_id", jobInstanceId);
        p.put("operation_code", operationCode);
        return new JobCall(JobApi.OPERATE_JOB_INSTANCE, p);
    }

    public static JobCall status(long bkBizId, long jobInstanceId) {
        Map<String, Object> p = scope(bkBizId);
        p.put("job_instance_id", jobInstanceId);
        p.put("return_ip_result", true);
        return new JobCall(JobApi.GET_JOB_INSTANCE_STATUS, p);
    }

    /**
     * Instances of the scope launched through the API as plan executions by {@code operator}, created in
     * [from, to] (epoch ms, span at most 30 days), newest first, up to 1000 (section 14 of bk-job-api.md).
     */
    public static JobCall instanceList(long bkBizId, long fromMs, long toMs, String operator) {
        Map<String, Object> p = scope(bkBizId);
        p.put("create_time_start", fromMs);
        p.put("create_time_end", toMs);
        p.put("operator", operator);
        p.put("launch_mode", 2);
        p.put("type", 0);
        p.put("start", 0);
        p.put("length", 1000);
        return new JobCall(JobApi.GET_JOB_INSTANCE_LIST, p);
    }

    /** Hosts by id when every host has one (Job's preferred key), else by cloud area and IP. */
    public static JobCall ipLogs(long bkBizId, long jobInstanceId, long stepInstanceId, List<Long> hostIds,
                                 List<Map<String, Object>> ipList) {
        Map<String, Object> p = scope(bkBizId);
        p.put("job_instance_id", jobInstanceId);
        p.put("step_instance_id", stepInstanceId);
        if (hostIds != null && !hostIds.isEmpty()) {
            p.put("host_id_list", hostIds);
        } else {
            p.put("ip_list", ipList);
        }
        return new JobCall(JobApi.BATCH_GET_JOB_INSTANCE_IP_LOG, p);
    }
}
