package io.alertjobbridge.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A job's state as one get_job_instance_status answer shows it (with return_ip_result): the job
 * status, whether Job counts it finished, and every step with its hosts. Stored on the action after
 * each poll, so the record shows how far the job got even if the bridge stops.
 */
public record JobSnapshot(
        @JsonProperty("finished") boolean finished,
        @JsonProperty("job_status") Integer jobStatus,
        @JsonProperty("steps") List<Step> steps) {

    /** Job status SUCCESS (section 5.1 of bk-job-api.md). */
    public static final int STATUS_SUCCESS = 3;
    /** Job status BLANK: created, not started. */
    public static final int STATUS_NOT_STARTED = 1;
    /** Job's finished set (5.2); a missing {@code finished} flag falls back to it. */
    static final Set<Integer> FINISHED = Set.of(3, 4, 5, 6, 8, 9, 11, 12, 13, 14);
    /** Host statuses that mean success: 9, or 3 (succeeded last time, skipped on retry). */
    static final Set<Integer> HOST_SUCCESS = Set.of(3, 9);

    public record Step(
            @JsonProperty("step_instance_id") long stepInstanceId,
            @JsonProperty("name") String name,
            @JsonProperty("type") int type,
            @JsonProperty("status") Integer status,
            @JsonProperty("hosts") List<Host> hosts) {

        /** Script (1) and SQL (4) steps keep a script log per host; file and confirmation steps do not. */
        public boolean hasScriptLogs() {
            return type == 1 || type == 4;
        }
    }

    public record Host(
            @JsonProperty("bk_host_id") Long bkHostId,
            @JsonProperty("ip") String ip,
            @JsonProperty("bk_cloud_id") Long bkCloudId,
            @JsonProperty("status") Integer status,
            @JsonProperty("exit_code") Integer exitCode,
            @JsonProperty("error_code") Integer errorCode) {

        public boolean succeeded() {
            return status != null && HOST_SUCCESS.contains(status);
        }
    }

    public static JobSnapshot fromStatusData(JsonNode data) {
        JsonNode job = data.path("job_instance");
        Integer status = intOrNull(job.get("status"));
        boolean finished = data.has("finished") ? data.path("finished").asBoolean(false)
                : status != null && FINISHED.contains(status);
        List<Step> steps = new ArrayList<>();
        for (JsonNode s : data.path("step_instance_list")) {
            List<Host> hosts = new ArrayList<>();
            for (JsonNode h : s.path("step_ip_result_list")) {
                hosts.add(new Host(longOrNull(h.get("bk_host_id")), textOrNull(h.get("ip")), longOrNull(h.get("bk_cloud_id")),
                        intOrNull(h.get("status")), intOrNull(h.get("exit_code")), intOrNull(h.get("error_code"))));
            }
            steps.add(new Step(s.path("step_instance_id").asLong(), textOrNull(s.get("name")), s.path("type").asInt(0),
                    intOrNull(s.get("status")), hosts));
        }
        return new JobSnapshot(finished, status, steps);
    }

    public boolean succeeded() {
        return jobStatus != null && jobStatus == STATUS_SUCCESS;
    }

    private static Integer intOrNull(JsonNode n) {
        return n == null || n.isNull() || !n.canConvertToInt() ? null : n.asInt();
    }

    private static Long longOrNull(JsonNode n) {
        return n == null || n.isNull() || !n.canConvertToLong() ? null : n.asLong();
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
