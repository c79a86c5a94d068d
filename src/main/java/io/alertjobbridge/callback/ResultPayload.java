package io.alertjobbridge.callback;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.alertjobbridge.store.ActionRecord;
import io.alertjobbridge.store.ActionStatus;
import io.alertjobbridge.store.HostResult;

/**
 * The JSON a result callback carries: the action and alert ids, the outcome and its reason, the Job
 * link, and per host the step, exit code and the end of its log (the end is where a script's error
 * usually is). Built once, when the action finishes, and stored with the callback.
 */
public final class ResultPayload {

    /** The log excerpt per host: the last this many bytes. */
    static final int LOG_EXCERPT_BYTES = 2048;

    private ResultPayload() {
    }

    public static Map<String, Object> build(ActionRecord action, ActionStatus status, String reason, long finishedAt,
                                            List<HostResult> hosts) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action_id", action.id());
        body.put("alert_id", action.alertId());
        body.put("action_name", action.actionName());
        body.put("status", status.wireName());
        body.put("reason", reason);
        body.put("plan_id", action.planId());
        body.put("bk_biz_id", action.bkBizId());
        body.put("job_instance_id", action.jobInstanceId());
        body.put("job_url", action.jobUrl());
        body.put("finished_at", Instant.ofEpochMilli(finishedAt).toString());
        List<Map<String, Object>> hostList = new ArrayList<>();
        for (HostResult h : hosts) {
            Map<String, Object> host = new LinkedHashMap<>();
            host.put("step_instance_id", h.stepInstanceId());
            host.put("step_name", h.stepName());
            host.put("ip", h.ip());
            host.put("bk_cloud_id", h.bkCloudId());
            host.put("bk_host_id", h.bkHostId());
            host.put("status", h.status());
            host.put("exit_code", h.exitCode());
            host.put("error_code", h.errorCode());
            host.put("log_excerpt", tail(h.logContent()));
            hostList.add(host);
        }
        body.put("hosts", hostList);
        return body;
    }

    static String tail(String log) {
        if (log == null) {
            return null;
        }
        byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= LOG_EXCERPT_BYTES) {
            return log;
        }
        int start = bytes.length - LOG_EXCERPT_BYTES;
        while (start < bytes.length && (bytes[start] & 0xC0) == 0x80) {
            start++;
        }
        return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    }
}
