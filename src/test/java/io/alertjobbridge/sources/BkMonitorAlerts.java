package io.alertjobbridge.sources;

/** The example alert documents A to E of bk-monitor-job-action.md section 7, verbatim. */
final class BkMonitorAlerts {

    /** A. Host CPU (time series), default cloud area. */
    static final String A = """
            {"id": "17480001200000117", "alert_name": "CPU usage too high", "strategy_id": 41, "severity": 2,
             "status": "ABNORMAL", "begin_time": 1748000120, "latest_time": 1748000420,
             "first_anomaly_time": 1748000120, "duration": 360, "dedupe_md5": "3f9c0d1e8b0a4c6f9e2d7a5b1c3e5f70",
             "assignee": ["alice", "bob"], "appointee": ["alice"],
             "dimensions": [{"key": "bk_target_ip", "value": "10.0.1.15", "display_key": "目标IP", "display_value": "10.0.1.15"},
                            {"key": "bk_target_cloud_id", "value": "0", "display_key": "云区域ID", "display_value": "0"}],
             "event": {"event_id": "a1b2c3d4e5f60718293a4b5c6d7e8f90.1748000420.41.57.2", "plugin_id": "bkmonitor",
                       "data_type": "time_series", "category": "os", "target_type": "HOST", "target": "10.0.1.15|0",
                       "metric": ["bk_monitor.system.cpu_summary.usage"], "description": "AVG(CPU usage) >= 90%, current 96.3%",
                       "bk_biz_id": 2, "ip": "10.0.1.15", "ipv6": "", "bk_cloud_id": 0, "bk_host_id": 1001,
                       "bk_topo_node": ["biz|2", "set|5", "module|12"], "time": 1748000420, "severity": 2, "status": "ABNORMAL"},
             "extra_info": {"agg_dimensions": ["bk_target_ip", "bk_target_cloud_id"],
                            "strategy": {"id": 41, "name": "CPU usage too high", "bk_biz_id": 2, "scenario": "os",
                                         "actions": [{"id": 7, "config_id": 4444, "signal": ["abnormal"], "user_groups": [3],
                                                      "options": {"converge_config": {"is_enabled": true, "converge_func": "skip_when_success", "timedelta": 60, "count": 1},
                                                                  "skip_delay": 0, "start_time": "00:00:00", "end_time": "23:59:59"}}],
                                         "notice": {"id": 8, "config_id": 9001, "user_groups": [3], "signal": ["abnormal", "execute", "execute_failed"]}}}}
            """;

    /** B. Disk full on a host in cloud area 2. */
    static final String B = """
            {"id": "17480100000000042", "alert_name": "Disk usage", "strategy_id": 52, "severity": 1, "status": "ABNORMAL",
             "begin_time": 1748010000, "latest_time": 1748010300, "duration": 300, "assignee": ["ops1"],
             "dimensions": [{"key": "bk_target_ip", "value": "172.16.8.4", "display_key": "目标IP", "display_value": "172.16.8.4"},
                            {"key": "bk_target_cloud_id", "value": "2", "display_key": "云区域ID", "display_value": "2"},
                            {"key": "mount_point", "value": "/data", "display_key": "mount_point", "display_value": "/data"}],
             "event": {"plugin_id": "bkmonitor", "data_type": "time_series", "category": "os", "target_type": "HOST",
                       "target": "172.16.8.4|2", "bk_biz_id": 2, "ip": "172.16.8.4", "bk_cloud_id": 2, "bk_host_id": 2207,
                       "description": "disk /data usage 97%"},
             "extra_info": {"strategy": {"id": 52, "name": "Disk usage", "bk_biz_id": 2}}}
            """;

    /** C. OOM event on a container host (event alert); one dimension value is a number. */
    static final String C = """
            {"id": "17451204130000009", "alert_name": "OOM exception", "strategy_id": 10, "severity": 2, "status": "ABNORMAL",
             "begin_time": 1745120413, "latest_time": 1745120413, "duration": 60, "assignee": ["admin"],
             "dimensions": [{"key": "ip", "value": "10.2.3.4", "display_key": "目标IP", "display_value": "10.2.3.4"},
                            {"key": "bk_cloud_id", "value": 0, "display_key": "云区域ID", "display_value": 0}],
             "event": {"plugin_id": "bkmonitor", "data_type": "event", "category": "os", "target_type": "HOST",
                       "target": "10.2.3.4|0", "metric": ["bk_monitor.oom-gse"], "bk_biz_id": 2, "ip": "10.2.3.4",
                       "bk_cloud_id": 0, "bk_host_id": 3, "bk_topo_node": ["biz|2", "set|2", "module|3"],
                       "description": "OOM occurred (process: java), 1 time"},
             "extra_info": {"origin_alarm": {"data": {"dimensions": {"bk_target_ip": "10.2.3.4", "bk_target_cloud_id": 0,
                                                                     "process": "java", "task": "java"}}},
                            "strategy": {"id": 10, "name": "OOM exception", "bk_biz_id": 2}}}
            """;

    /** D. Third-party / service alert without a host: bk_cloud_id and bk_host_id are "". */
    static final String D = """
            {"id": "17480222220000003", "alert_name": "HTTP probe failed", "strategy_id": 77, "severity": 1, "status": "ABNORMAL",
             "begin_time": 1748022222, "latest_time": 1748022282, "duration": 120, "assignee": ["web-oncall"],
             "dimensions": [{"key": "url", "value": "https://shop.example.com/health", "display_key": "url", "display_value": "https://shop.example.com/health"}],
             "event": {"plugin_id": "bkmonitor", "data_type": "time_series", "category": "uptimecheck", "target_type": "",
                       "target": "", "bk_biz_id": 2, "ip": "", "bk_cloud_id": "", "bk_host_id": "",
                       "description": "probe failed 3 times"}}
            """;

    /** E. IPv6-only host: no dimensions, no extra_info. */
    static final String E = """
            {"id": "17480300000000012", "alert_name": "Service port down", "strategy_id": 88, "severity": 1, "status": "ABNORMAL",
             "begin_time": 1748030000, "latest_time": 1748030060, "duration": 120,
             "event": {"target_type": "HOST", "target": "fd00::15|0", "bk_biz_id": 2, "ip": "", "ipv6": "fd00::15", "bk_cloud_id": 0, "bk_host_id": 3301}}
            """;

    private BkMonitorAlerts() {
    }
}
