package io.alertjobbridge.api;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertjobbridge.store.ActionRecord;
import io.alertjobbridge.store.HostResult;

/**
 * The JSON shape of an action in the API: its identity, plan, status and reason, the Job link, the
 * global_var_list sent (cipher masked), its steps with hosts and logs, and its timestamps.
 */
final class ActionView {

    private ActionView() {
    }

    static Map<String, Object> summary(ActionRecord a) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", a.id());
        v.put("alert_id", a.alertId());
        v.put("action_name", a.actionName());
        v.put("plan_id", a.planId());
        v.put("bk_biz_id", a.bkBizId());
        v.put("status", a.status().wireName());
        v.put("reason", a.reason());
        v.put("job_instance_id", a.jobInstanceId());
        v.put("job_url", a.jobUrl());
        v.put("job_status", a.jobStatus());
        v.put("timeout_s", a.timeoutSeconds());
        v.put("created_at", time(a.createdAt()));
        v.put("updated_at", time(a.updatedAt()));
        v.put("started_at", time(a.startedAt()));
        v.put("finished_at", time(a.finishedAt()));
        return v;
    }

    static Map<String, Object> full(ActionRecord a, List<HostResult> hosts, ObjectMapper json) {
        Map<String, Object> v = summary(a);
        v.put("job_error", parse(a.jobError(), json));
        v.put("global_var_list", parse(a.globalVarList(), json));
        v.put("evidence", parse(a.evidence(), json));
        v.put("owner", a.owner());
        v.put("launch_sent_at", time(a.launchSentAt()));
        v.put("attempts", a.attempts());
        v.put("next_run_at", time(a.nextRunAt()));
        v.put("steps", steps(parse(a.steps(), json), hosts));
        return v;
    }

    /**
     * Steps as the last poll saw them; each step's hosts come from the stored host results (with their
     * logs) when there are any, else from the poll.
     */
    private static List<Map<String, Object>> steps(JsonNode snapshot, List<HostResult> hosts) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (snapshot == null) {
            return out;
        }
        for (JsonNode s : snapshot.path("steps")) {
            Map<String, Object> step = new LinkedHashMap<>();
            long stepId = s.path("step_instance_id").asLong();
            step.put("step_instance_id", stepId);
            step.put("name", s.path("name").asText(null));
            step.put("type", s.path("type").asInt());
            step.put("status", s.hasNonNull("status") ? s.get("status").asInt() : null);
            List<Map<String, Object>> stepHosts = new ArrayList<>();
            for (HostResult h : hosts) {
                if (h.stepInstanceId() == stepId) {
                    stepHosts.add(host(h.ip(), h.bkCloudId(), h.bkHostId(), h.status(), h.exitCode(), h.errorCode(),
                            h.logContent(), h.logTruncated()));
                }
            }
            if (stepHosts.isEmpty()) {
                for (JsonNode h : s.path("hosts")) {
                    stepHosts.add(host(h.path("ip").asText(null), longOrNull(h.get("bk_cloud_id")),
                            longOrNull(h.get("bk_host_id")), intOrNull(h.get("status")), intOrNull(h.get("exit_code")),
                            intOrNull(h.get("error_code")), null, false));
                }
            }
            step.put("hosts", stepHosts);
            out.add(step);
        }
        return out;
    }

    private static Map<String, Object> host(String ip, Long cloud, Long hostId, Integer status, Integer exitCode,
                                            Integer errorCode, String log, boolean truncated) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("ip", ip);
        h.put("bk_cloud_id", cloud);
        h.put("bk_host_id", hostId);
        h.put("status", status);
        h.put("exit_code", exitCode);
        h.put("error_code", errorCode);
        h.put("log", log);
        h.put("log_truncated", truncated);
        return h;
    }

    private static Long longOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asLong();
    }

    private static Integer intOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asInt();
    }

    static String time(Long epochMs) {
        return epochMs == null ? null : Instant.ofEpochMilli(epochMs).toString();
    }

    private static JsonNode parse(String text, ObjectMapper json) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }
}
