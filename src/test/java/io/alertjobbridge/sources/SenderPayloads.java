package io.alertjobbridge.sources;

import java.util.ArrayList;
import java.util.List;

/**
 * Webhook bodies as Alertmanager (version 4) and Grafana (unified alerting, version 1) send them,
 * field for field as in peers.md section 3: the examples there, and groups of any size built the way
 * Alertmanager builds them (one fingerprint per label set, the zero time as endsAt while firing).
 */
public final class SenderPayloads {

    private SenderPayloads() {
    }

    /** peers.md 3.1, verbatim. */
    public static final String ALERTMANAGER = """
            {
              "version": "4",
              "groupKey": "{}/{env=\\"prod\\"}:{alertname=\\"DiskFull\\"}",
              "truncatedAlerts": 0,
              "status": "firing",
              "receiver": "remediation-bridge",
              "groupLabels":       { "alertname": "DiskFull" },
              "commonLabels":      { "alertname": "DiskFull", "env": "prod", "severity": "critical" },
              "commonAnnotations": { "summary": "Disk almost full" },
              "externalURL": "http://am.example:9093",
              "alerts": [
                {
                  "status": "firing",
                  "labels":      { "alertname": "DiskFull", "env": "prod", "instance": "10.0.0.7:9100", "mountpoint": "/data" },
                  "annotations": { "summary": "Disk almost full", "runbook": "clean-logs" },
                  "startsAt": "2025-03-01T10:00:00.000Z",
                  "endsAt":   "0001-01-01T00:00:00Z",
                  "generatorURL": "http://prom.example:9090/graph?g0.expr=...",
                  "fingerprint": "5e1f3a9c2b7d4e60"
                }
              ]
            }
            """;

    /** peers.md 3.2, verbatim. */
    public static final String GRAFANA = """
            {
              "receiver": "remediation-bridge",
              "status": "firing",
              "orgId": 1,
              "alerts": [
                {
                  "status": "firing",
                  "labels":      { "alertname": "HighLoad", "grafana_folder": "Ops", "host": "web-3" },
                  "annotations": { "summary": "Load above 8", "job_plan": "restart-nginx" },
                  "startsAt": "2025-03-01T10:00:00+08:00",
                  "endsAt":   "0001-01-01T00:00:00Z",
                  "generatorURL": "https://grafana.example/alerting/grafana/abc123/view?orgId=1",
                  "fingerprint": "9a0c41d7e2b35f18",
                  "silenceURL": "https://grafana.example/alerting/silence/new?...",
                  "dashboardURL": "https://grafana.example/d/xyz?from=...&to=...",
                  "panelURL": "https://grafana.example/d/xyz?viewPanel=4",
                  "values": { "A": 8.7, "C": 1 },
                  "valueString": "[ var='A' labels={host=web-3} value=8.7 ]",
                  "ruleUID": "abc123",
                  "orgId": 1
                }
              ],
              "groupLabels": { "alertname": "HighLoad" },
              "commonLabels": { "alertname": "HighLoad", "host": "web-3" },
              "commonAnnotations": { "summary": "Load above 8" },
              "externalURL": "https://grafana.example/",
              "version": "1",
              "groupKey": "{}:{alertname=\\"HighLoad\\"}",
              "truncatedAlerts": 0,
              "title": "[FIRING:1] HighLoad Ops (web-3)",
              "state": "alerting",
              "message": "**Firing** ... (rendered default template)"
            }
            """;

    /** The legacy (Grafana 10 and before) alerting webhook, which the bridge refuses. */
    public static final String GRAFANA_LEGACY = """
            {"evalMatches":[{"value":100,"metric":"High value","tags":null}],"message":"Someone is testing",
             "ruleId":0,"ruleName":"Test notification","ruleUrl":"https://localhost:3000/","state":"alerting",
             "title":"[Alerting] Test notification"}
            """;

    /**
     * An Alertmanager message of {@code count} DiskFull alerts on hosts 10.<net>.0.1, 10.<net>.0.2, ...,
     * all with the given status; the fingerprints depend on {@code net} and the host, as a label hash does.
     */
    public static String alertmanagerGroup(int net, int count, String status) {
        List<String> alerts = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String ip = "10." + net + "." + (i / 250) + "." + (i % 250 + 1);
            alerts.add("""
                    {"status":"%s","labels":{"alertname":"DiskFull","env":"prod","instance":"%s:9100","job":"node",\
                    "mountpoint":"/data","severity":"critical"},"annotations":{"summary":"Disk almost full on %s"},\
                    "startsAt":"2025-03-01T10:00:00.123456789Z","endsAt":"%s",\
                    "generatorURL":"http://prom.example:9090/graph?g0.expr=node_filesystem_avail_bytes","fingerprint":"%016x"}"""
                    .formatted(status, ip, ip, status.equals("firing") ? "0001-01-01T00:00:00Z" : "2025-03-01T10:30:00Z",
                            0x5e1f3a9c00000000L + net * 100_000L + i));
        }
        return """
                {"receiver":"remediation-bridge","status":"%s","alerts":[%s],"groupLabels":{"alertname":"DiskFull"},\
                "commonLabels":{"alertname":"DiskFull","env":"prod","job":"node","mountpoint":"/data","severity":"critical"},\
                "commonAnnotations":{},"externalURL":"http://am.example:9093","version":"4",\
                "groupKey":"{}/{env=\\"prod\\"}:{alertname=\\"DiskFull\\"}","truncatedAlerts":0}"""
                .formatted(status, String.join(",", alerts));
    }
}
