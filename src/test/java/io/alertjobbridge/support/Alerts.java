package io.alertjobbridge.support;

import java.util.UUID;

/** bk-monitor alert documents for tests (the shape of section 7 of bk-monitor-job-action.md). */
public final class Alerts {

    private Alerts() {
    }

    public static String uniqueId() {
        return "1748" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L);
    }

    /** A disk alert on one host, which the shipped disk-cleanup action matches. */
    public static String diskFull(String id, String ip) {
        return """
                {"id": "%s", "alert_name": "Disk usage", "strategy_id": 52, "severity": 1, "status": "ABNORMAL",
                 "dimensions": [{"key": "bk_target_ip", "value": "%s"}, {"key": "mount_point", "value": "/data"}],
                 "event": {"bk_biz_id": 2, "ip": "%s", "ipv6": "", "bk_cloud_id": 0, "bk_host_id": 2207,
                           "description": "disk /data usage 97%%"},
                 "extra_info": {"strategy": {"id": 52, "name": "Disk usage", "bk_biz_id": 2}}}
                """.formatted(id, ip, ip);
    }

    /** An alert whose name selects one of the test actions in src/test/resources/test-actions. */
    public static String named(String id, String alertName, String ip) {
        return """
                {"id": "%s", "alert_name": "%s", "strategy_id": 77, "severity": 2, "status": "ABNORMAL",
                 "dimensions": [{"key": "service", "value": "nginx"}],
                 "event": {"bk_biz_id": 2, "ip": "%s", "bk_cloud_id": 0, "bk_host_id": 3301}}
                """.formatted(id, alertName, ip);
    }
}
