package io.alertjobbridge.mapping;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Alert documents from bk-monitor-job-action.md section 7, parsed the way the intake parses them. */
final class Alerts {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Example A: host CPU alert, default cloud area. */
    static final String ALERT_A = """
            {"id": "17480001200000117", "alert_name": "CPU usage too high", "strategy_id": 41, "severity": 2,
             "status": "ABNORMAL",
             "dimensions": [{"key": "bk_target_ip", "value": "10.0.1.15"}, {"key": "bk_target_cloud_id", "value": "0"}],
             "event": {"bk_biz_id": 2, "ip": "10.0.1.15", "ipv6": "", "bk_cloud_id": 0, "bk_host_id": 1001},
             "extra_info": {"strategy": {"id": 41, "name": "CPU usage too high", "bk_biz_id": 2}}}
            """;

    /** Example B: disk alert on a host in cloud area 2. */
    static final String ALERT_B = """
            {"id": "17480100000000042", "alert_name": "Disk usage", "strategy_id": 52, "severity": 1, "status": "ABNORMAL",
             "dimensions": [{"key": "bk_target_ip", "value": "172.16.8.4"}, {"key": "bk_target_cloud_id", "value": "2"},
                            {"key": "mount_point", "value": "/data"}],
             "event": {"target_type": "HOST", "target": "172.16.8.4|2", "bk_biz_id": 2, "ip": "172.16.8.4",
                       "bk_cloud_id": 2, "bk_host_id": 2207, "description": "disk /data usage 97%"},
             "extra_info": {"strategy": {"id": 52, "name": "Disk usage", "bk_biz_id": 2}}}
            """;

    /** Example D: a service alert with no host; the host fields are empty strings. */
    static final String ALERT_D = """
            {"id": "17480222220000003", "alert_name": "HTTP probe failed", "strategy_id": 77, "severity": 1,
             "status": "ABNORMAL",
             "event": {"target_type": "", "target": "", "bk_biz_id": 2, "ip": "", "bk_cloud_id": "", "bk_host_id": ""}}
            """;

    private Alerts() {
    }

    static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Map<String, Object> action() {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("name", "disk-clean-up");
        action.put("plan_id", 1000043);
        action.put("bk_biz_id", 2);
        return action;
    }

    /** The template context for an alert document and {@link #action()}. */
    static Map<String, Object> context(String alertJson) {
        return AlertContextFactory.build(parse(alertJson), action());
    }

    /** An ordered template_detail from key, template pairs. */
    static Map<String, String> detail(String... keysAndTemplates) {
        Map<String, String> detail = new LinkedHashMap<>();
        for (int i = 0; i < keysAndTemplates.length; i += 2) {
            detail.put(keysAndTemplates[i], keysAndTemplates[i + 1]);
        }
        return detail;
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
