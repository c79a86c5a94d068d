package io.alertjobbridge.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertjobbridge.support.Alerts;
import io.alertjobbridge.support.RunningBridge;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hostile input corpus ({@link HostileInputs}) against every inbound endpoint of one bridge:
 * each case is answered with the 4xx it names and a JSON error, nothing at all is stored, and the
 * bridge is still ready and taking alerts afterwards.
 */
class HostileInputCorpusTest {

    private static final String TOKEN = "corpus-token";
    private static final String ZABBIX_KEY = "corpus-zabbix-key";
    private static final String PREVIEW_KEY = "corpus-preview-key";
    private static final String GRAFANA_KEY = "corpus-grafana-key";
    private static RunningBridge bridge;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("bridge.actions.dir", "src/test/resources/source-actions");
        p.put("bridge.intake.token", TOKEN);
        p.put("bridge.intake.zabbix.auth", "hmac,token");
        p.put("bridge.intake.zabbix.hmac-secret", ZABBIX_KEY);
        p.put("bridge.intake.preview.auth", "hmac,token");
        p.put("bridge.intake.preview.hmac-secret", PREVIEW_KEY);
        p.put("bridge.intake.grafana.auth", "grafana-hmac,token");
        p.put("bridge.intake.grafana.hmac-secret", GRAFANA_KEY);
        p.put("bridge.intake.grafana.grafana-timestamp-header", "X-Grafana-Alerting-Timestamp");
        bridge = RunningBridge.start(p);
    }

    @AfterAll
    static void stop() throws Exception {
        bridge.close();
    }

    private static final Map<String, String> PATHS = Map.of(
            "bk-monitor", "/api/v1/alerts",
            "alertmanager", "/api/v1/alerts/alertmanager",
            "grafana", "/api/v1/alerts/grafana",
            "zabbix", "/api/v1/alerts/zabbix",
            "preview", "/api/v1/actions/preview",
            "preview-alertmanager", "/api/v1/actions/preview?source=alertmanager");

    private static Map<String, String> bearer(byte[] body) {
        return Map.of("Authorization", "Bearer " + TOKEN);
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static Map<String, String> generic(String key, long ts, byte[] body) {
        return Map.of("X-Bridge-Signature", io.alertjobbridge.security.TestSigning.generic(key, ts, body),
                "X-Bridge-Timestamp", String.valueOf(ts));
    }

    private static Map<String, String> grafana(String key, long ts, byte[] body) {
        return Map.of("X-Grafana-Alerting-Signature", io.alertjobbridge.security.TestSigning.grafana(key, ts, body),
                "X-Grafana-Alerting-Timestamp", String.valueOf(ts));
    }

    static List<HostileInputs.Case> corpus() {
        Map<String, HostileInputs.Credentials> credentials = new LinkedHashMap<>();
        PATHS.keySet().forEach(e -> credentials.put(e, HostileInputCorpusTest::bearer));
        HostileInputs c = new HostileInputs(PATHS, credentials);
        String zabbixOk = "{\"event_id\": \"z-1\", \"event_name\": \"x\", \"severity\": \"High\"}";

        for (String e : PATHS.keySet()) {
            HostileInputs.malformed(32, 65_536, 1000).forEach((name, body) -> c.body(e, name, body, 400));
            HostileInputs.notAnAlert().forEach((name, body) -> c.body(e, name, body, 400));
            c.body(e, "a body over 1 MiB", HostileInputs.oversize(), 413);
            c.bodyBytes(e, "invalid UTF-8", new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, 400);
            for (String type : HostileInputs.wrongContentTypes()) {
                c.headers(e, "content type " + type, zabbixOk, Map.of("Content-Type", type), 415);
            }
            c.unauthenticated(e, "no credential", zabbixOk, Map.of());
            c.unauthenticated(e, "a wrong token", zabbixOk, Map.of("Authorization", "Bearer corpus-token-"));
            c.unauthenticated(e, "the token in lower case", zabbixOk, Map.of("Authorization", "Bearer CORPUS-TOKEN"));
            c.unauthenticated(e, "the token as basic auth", zabbixOk, Map.of("Authorization", "Basic Y29ycHVzLXRva2Vu"));
            c.unauthenticated(e, "the token without its scheme", zabbixOk, Map.of("Authorization", TOKEN));
            c.unauthenticated(e, "a 4 KiB token", zabbixOk, Map.of("Authorization", "Bearer " + "t".repeat(4096)));
        }

        // bk-monitor: wrong types and template or expression syntax in typed fields.
        String bk = "{\"id\": \"1\", \"alert_name\": \"x\", \"event\": {}}";
        c.body("bk-monitor", "id an object", "{\"id\": {\"$gt\": \"\"}, \"event\": {}}", 400);
        c.body("bk-monitor", "id a list", "{\"id\": [1], \"event\": {}}", 400);
        c.body("bk-monitor", "id negative", "{\"id\": -1, \"event\": {}}", 400);
        c.body("bk-monitor", "no event", "{\"id\": \"1\"}", 400);
        c.body("bk-monitor", "event a string", "{\"id\": \"1\", \"event\": \"10.0.0.1\"}", 400);
        c.body("bk-monitor", "strategy_id a string", bk.replace("\"alert_name\"", "\"strategy_id\": \"41\", \"alert_name\""), 400);
        c.body("bk-monitor", "severity 9", bk.replace("\"alert_name\"", "\"severity\": 9, \"alert_name\""), 400);
        c.body("bk-monitor", "severity a template", bk.replace("\"alert_name\"", "\"severity\": \"{{1}}\", \"alert_name\""), 400);
        c.body("bk-monitor", "status a template", bk.replace("\"alert_name\"", "\"status\": \"{{ 'ABNORMAL' }}\", \"alert_name\""), 400);
        c.body("bk-monitor", "dimensions an object", bk.replace("\"alert_name\"", "\"dimensions\": {\"a\": 1}, \"alert_name\""), 400);
        c.body("bk-monitor", "dimension value a list", bk.replace("\"alert_name\"",
                "\"dimensions\": [{\"key\": \"a\", \"value\": [1]}], \"alert_name\""), 400);
        c.body("bk-monitor", "1001 dimensions", bk.replace("\"alert_name\"", "\"dimensions\": ["
                + "{\"key\": \"k\", \"value\": \"v\"},".repeat(1000) + "{\"key\": \"k\", \"value\": \"v\"}], \"alert_name\""), 400);
        c.body("bk-monitor", "extra_info a list", bk.replace("\"alert_name\"", "\"extra_info\": [], \"alert_name\""), 400);
        c.body("bk-monitor", "event.ip a number", "{\"id\": \"1\", \"event\": {\"ip\": 10}}", 400);
        c.body("bk-monitor", "event.bk_cloud_id a template", "{\"id\": \"1\", \"event\": {\"bk_cloud_id\": \"{{0}}\"}}", 400);
        for (String id : HostileInputs.badIds()) {
            c.body("bk-monitor", "id " + RunningBridge.JSON.valueToTree(id), "{\"id\": " + RunningBridge.JSON.valueToTree(id)
                    + ", \"event\": {}}", 400);
        }
        for (String injection : HostileInputs.injections()) {
            String quoted = RunningBridge.JSON.valueToTree(injection).toString();
            c.body("bk-monitor", "severity " + injection, bk.replace("\"alert_name\"", "\"severity\": " + quoted + ", \"alert_name\""), 400);
            c.body("bk-monitor", "status " + injection, bk.replace("\"alert_name\"", "\"status\": " + quoted + ", \"alert_name\""), 400);
            c.body("bk-monitor", "strategy_id " + injection, bk.replace("\"alert_name\"", "\"strategy_id\": " + quoted
                    + ", \"alert_name\""), 400);
            c.body("bk-monitor", "event.bk_host_id " + injection, "{\"id\": \"1\", \"event\": {\"bk_host_id\": " + quoted + "}}", 400);
        }

        // Alertmanager: wrong types, template syntax in typed fields, one bad alert in a good group.
        String ok = "{\"status\": \"firing\", \"labels\": {\"alertname\": \"DiskFull\"}, \"startsAt\": \"2025-03-01T10:00:00Z\","
                + " \"fingerprint\": \"ab\"}";
        c.body("alertmanager", "Grafana's message", SenderPayloads.GRAFANA, 400);
        c.body("alertmanager", "no alerts", "{\"version\": \"4\", \"status\": \"firing\"}", 400);
        c.body("alertmanager", "alerts empty", "{\"version\": \"4\", \"alerts\": []}", 400);
        c.body("alertmanager", "alerts an object", "{\"version\": \"4\", \"alerts\": {\"a\": 1}}", 400);
        c.body("alertmanager", "1001 alerts", "{\"version\": \"4\", \"alerts\": [" + (ok + ",").repeat(1000) + ok + "]}", 400);
        c.body("alertmanager", "one bad alert among 49 good ones", SenderPayloads.alertmanagerGroup(60, 49, "firing")
                .replace("]", "," + ok.replace("\"ab\"", "\"{{7*7}}\"") + "]"), 400);
        c.body("alertmanager", "status pending", group(ok.replace("firing", "pending")), 400);
        c.body("alertmanager", "status a template", group(ok.replace("\"firing\"", "\"{{ 'firing' }}\"")), 400);
        c.body("alertmanager", "labels a list", group(ok.replace("{\"alertname\": \"DiskFull\"}", "[\"a\"]")), 400);
        c.body("alertmanager", "label value an object", group(ok.replace("\"DiskFull\"", "{\"a\": 1}")), 400);
        c.body("alertmanager", "label value a number", group(ok.replace("\"DiskFull\"", "1")), 400);
        c.body("alertmanager", "startsAt a template", group(ok.replace("2025-03-01T10:00:00Z", "{{now()}}")), 400);
        c.body("alertmanager", "startsAt Unix seconds", group(ok.replace("\"2025-03-01T10:00:00Z\"", "1740823200")), 400);
        c.body("alertmanager", "startsAt with no zone", group(ok.replace("2025-03-01T10:00:00Z", "2025-03-01T10:00:00")), 400);
        c.body("alertmanager", "fingerprint a template", group(ok.replace("\"ab\"", "\"{{7*7}}\"")), 400);
        c.body("alertmanager", "fingerprint a path", group(ok.replace("\"ab\"", "\"../../x\"")), 400);
        c.body("alertmanager", "no fingerprint", group(ok.replace(", \"fingerprint\": \"ab\"", "")), 400);
        c.body("alertmanager", "commonLabels a list", "{\"commonLabels\": [], \"alerts\": [" + ok + "]}", 400);
        c.body("alertmanager", "truncatedAlerts a string", "{\"truncatedAlerts\": \"0\", \"alerts\": [" + ok + "]}", 400);

        // Grafana: the legacy format, Alertmanager's message, wrong types.
        c.body("grafana", "the legacy webhook", SenderPayloads.GRAFANA_LEGACY, 400);
        c.body("grafana", "Alertmanager's message", SenderPayloads.ALERTMANAGER, 400);
        c.body("grafana", "version a number", SenderPayloads.GRAFANA.replace("\"version\": \"1\"", "\"version\": 1"), 400);
        c.body("grafana", "an alert a string", "{\"version\": \"1\", \"alerts\": [\"HighLoad\"]}", 400);
        c.body("grafana", "status ok", "{\"version\": \"1\", \"alerts\": [" + ok.replace("firing", "ok") + "]}", 400);

        // The custom source: what its expressions find must still be a valid alert.
        c.body("zabbix", "no event_id", "{\"event_name\": \"x\"}", 400);
        c.body("zabbix", "event_id an object", "{\"event_id\": {\"a\": 1}}", 400);
        c.body("zabbix", "event_id empty", "{\"event_id\": \"\"}", 400);
        c.body("zabbix", "event_id null", "{\"event_id\": null}", 400);
        c.body("zabbix", "host.ip a name", "{\"event_id\": \"z\", \"host\": {\"ip\": \"db-7\"}}", 400);
        c.body("zabbix", "host.ip a template", "{\"event_id\": \"z\", \"host\": {\"ip\": \"{{alert.event.ip}}\"}}", 400);
        c.body("zabbix", "host.ip a list of two", "{\"event_id\": \"z\", \"host\": {\"ip\": [\"10.0.0.1\", \"10.0.0.2\"]}}", 400);
        c.body("zabbix", "severity not in its map", "{\"event_id\": \"z\", \"severity\": \"Critical\"}", 400);
        c.body("zabbix", "severity a template", "{\"event_id\": \"z\", \"severity\": \"{{1}}\"}", 400);
        c.body("zabbix", "status not in its map", "{\"event_id\": \"z\", \"status\": \"OK\"}", 400);
        c.body("zabbix", "tags a string", "{\"event_id\": \"z\", \"tags\": \"service=nginx\"}", 400);
        c.body("zabbix", "tags of the wrong shape", "{\"event_id\": \"z\", \"tags\": [{\"k\": \"service\"}]}", 400);
        c.body("zabbix", "tag value an object", "{\"event_id\": \"z\", \"tags\": [{\"tag\": \"a\", \"value\": {\"b\": 1}}]}", 400);
        for (String id : HostileInputs.badIds()) {
            c.body("zabbix", "event_id " + RunningBridge.JSON.valueToTree(id), "{\"event_id\": " + RunningBridge.JSON.valueToTree(id)
                    + "}", 400);
        }
        for (String injection : HostileInputs.injections()) {
            String quoted = RunningBridge.JSON.valueToTree(injection).toString();
            c.body("zabbix", "severity " + injection, "{\"event_id\": \"z\", \"severity\": " + quoted + "}", 400);
            c.body("zabbix", "status " + injection, "{\"event_id\": \"z\", \"status\": " + quoted + "}", 400);
            c.body("zabbix", "host.ip " + injection, "{\"event_id\": \"z\", \"host\": {\"ip\": " + quoted + "}}", 400);
        }

        // The preview: an unknown format, a bad model.
        c.cases().add(new HostileInputs.Case("preview: a model alert with labels a list", "/api/v1/actions/preview?source=model",
                HostileInputs.bytes("{\"id\": \"1\", \"labels\": [1], \"event\": {}}"),
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN), java.util.Set.of(400)));
        c.cases().add(new HostileInputs.Case("preview: a model alert with a source name of a template",
                "/api/v1/actions/preview?source=model", HostileInputs.bytes("{\"id\": \"1\", \"source\": \"{{x}}\", \"event\": {}}"),
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN), java.util.Set.of(400)));
        c.body("preview-alertmanager", "a bk-monitor alert", bk, 400);
        c.body("preview", "an alertmanager group as bk-monitor's", SenderPayloads.ALERTMANAGER, 400);
        c.cases().add(new HostileInputs.Case("preview: an unknown source", "/api/v1/actions/preview?source=nagios",
                HostileInputs.bytes(bk), Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN),
                java.util.Set.of(400)));
        c.cases().add(new HostileInputs.Case("preview: a template as the source", "/api/v1/actions/preview?source=%7B%7B7*7%7D%7D",
                HostileInputs.bytes(bk), Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN),
                java.util.Set.of(400)));

        // Signatures: bad, stale, early, incomplete and replayed.
        long ts = now();
        byte[] zb = HostileInputs.bytes(zabbixOk);
        signed(c, "zabbix", "a signature under another key", zb, generic("another-key", ts, zb), 401);
        signed(c, "zabbix", "a signature of another body", zb, generic(ZABBIX_KEY, ts, HostileInputs.bytes(zabbixOk + " ")), 401);
        signed(c, "zabbix", "a signature 400 s old", zb, generic(ZABBIX_KEY, ts - 400, zb), 401);
        signed(c, "zabbix", "a signature 400 s ahead", zb, generic(ZABBIX_KEY, ts + 400, zb), 401);
        signed(c, "zabbix", "a signature without its timestamp", zb,
                Map.of("X-Bridge-Signature", generic(ZABBIX_KEY, ts, zb).get("X-Bridge-Signature")), 401);
        signed(c, "zabbix", "a signature with a date for a timestamp", zb, Map.of("X-Bridge-Signature",
                generic(ZABBIX_KEY, ts, zb).get("X-Bridge-Signature"), "X-Bridge-Timestamp", "Sat, 01 Mar 2025 10:00:00 GMT"), 401);
        signed(c, "zabbix", "a signature as sha1=", zb, Map.of("X-Bridge-Signature", "sha1=" + "0".repeat(40),
                "X-Bridge-Timestamp", String.valueOf(ts)), 401);
        signed(c, "zabbix", "a truncated signature", zb, Map.of("X-Bridge-Signature",
                generic(ZABBIX_KEY, ts, zb).get("X-Bridge-Signature").substring(0, 40), "X-Bridge-Timestamp", String.valueOf(ts)), 401);
        byte[] badZabbix = HostileInputs.bytes("{\"event_id\": {\"signed\": \"but not an alert\"}}");
        signed(c, "zabbix", "a signed body that is no alert", badZabbix, generic(ZABBIX_KEY, ts, badZabbix), 400);
        c.repeat(c.last(), "(replayed)", 401);
        byte[] grafanaBad = HostileInputs.bytes("{\"version\": \"1\", \"alerts\": []}");
        signed(c, "grafana", "a Grafana signature under another key", grafanaBad, grafana("another-key", ts, grafanaBad), 401);
        signed(c, "grafana", "a Grafana signature 400 s old", grafanaBad, grafana(GRAFANA_KEY, ts - 400, grafanaBad), 401);
        signed(c, "grafana", "a Grafana signature without its timestamp", grafanaBad, Map.of("X-Grafana-Alerting-Signature",
                grafana(GRAFANA_KEY, ts, grafanaBad).get("X-Grafana-Alerting-Signature")), 401);
        signed(c, "grafana", "a signed Grafana message with no alerts", grafanaBad, grafana(GRAFANA_KEY, ts, grafanaBad), 400);
        c.repeat(c.last(), "(replayed)", 401);
        byte[] previewBody = HostileInputs.bytes(bk);
        signed(c, "preview", "a preview signature under another key", previewBody, generic("another-key", ts, previewBody), 401);
        return c.cases();
    }

    private static void signed(HostileInputs c, String endpoint, String name, byte[] body, Map<String, String> headers,
                               int status) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        h.putAll(headers);
        c.cases().add(new HostileInputs.Case(endpoint + ": " + name, PATHS.get(endpoint), body, h, java.util.Set.of(status)));
    }

    private static String group(String alert) {
        return "{\"version\": \"4\", \"status\": \"firing\", \"alerts\": [" + alert + "]}";
    }

    @Test
    void every_hostile_input_is_refused_with_a_4xx_nothing_is_stored_and_the_bridge_stays_healthy() throws Exception {
        // A signed preview, admitted (previews store nothing), and then its replay.
        byte[] preview = HostileInputs.bytes("{\"id\": \"1\", \"event\": {}}");
        Map<String, String> signedPreview = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        signedPreview.putAll(generic(PREVIEW_KEY, now(), preview));
        assertThat(bridge.postRaw(PATHS.get("preview"), preview, signedPreview).statusCode()).isEqualTo(200);

        List<HostileInputs.Case> cases = new ArrayList<>(corpus());
        cases.add(new HostileInputs.Case("preview: a replayed signed preview", PATHS.get("preview"), preview, signedPreview,
                java.util.Set.of(401)));
        List<String> wrong = new ArrayList<>();
        for (HostileInputs.Case c : cases) {
            HttpResponse<String> r = bridge.postRaw(c.path(), c.body(), c.headers());
            if (!c.expected().contains(r.statusCode())) {
                wrong.add(c.name() + ": expected " + c.expected() + ", got " + r.statusCode() + " " + abbreviated(r.body()));
            } else if (r.statusCode() != 413) {
                JsonNode error = RunningBridge.JSON.readTree(r.body()).path("error");
                if (!error.path("code").isTextual()) {
                    wrong.add(c.name() + ": no JSON error in " + abbreviated(r.body()));
                }
            }
        }
        System.out.println("Hostile input corpus: " + cases.size() + " cases, " + (cases.size() - wrong.size()) + " answered as specified");

        assertThat(wrong).as("cases answered otherwise").isEmpty();
        assertThat(cases.size()).isGreaterThanOrEqualTo(200);
        StoredRows rows = new StoredRows(bridge);
        assertThat(rows.count("alert")).as("alerts stored").isZero();
        assertThat(rows.count("action")).as("actions stored").isZero();
        assertThat(rows.count("dead_letter")).as("dead letters").isZero();
        assertThat(bridge.get("/observe/health/ready").statusCode()).isEqualTo(200);
        assertThat(bridge.post("/api/v1/alerts", Alerts.diskFull(Alerts.uniqueId(), "10.0.1.15")).statusCode()).isEqualTo(202);
    }

    @Test
    void template_syntax_in_alert_data_is_data_never_a_template() throws Exception {
        String alert = """
                {"id": "inj-1", "source": "ops", "alert_name": "preview-ok",
                 "labels": {"instance": "{{ 7*7 }}{% for i in range(99999999) %}x{% endfor %}"},
                 "event": {"ip": "10.0.0.5", "bk_cloud_id": 0}}
                """;
        HttpResponse<String> r = bridge.postRaw("/api/v1/actions/preview?source=model", HostileInputs.bytes(alert),
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode actions = RunningBridge.JSON.readTree(r.body()).path("alerts").get(0).path("actions");
        assertThat(actions.get(0).path("name").asText()).isEqualTo("preview-cipher");
        assertThat(actions.get(0).path("global_var_list").toString()).doesNotContain("49").contains("******");
        // The host variable of the same action shows it rendered only the template of the action file.
        assertThat(actions.get(0).path("global_var_list").get(0).path("server").toString()).contains("10.0.0.5");
    }

    private static String abbreviated(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
