package io.alertjobbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertjobbridge.sources.SenderPayloads;
import io.alertjobbridge.sources.StoredRows;
import io.alertjobbridge.support.RunningBridge;
import org.junit.jupiter.api.Test;

/**
 * A whole scenario with every kind of secret in play (the Job app secret, the intake token, a basic
 * auth password, two HMAC keys, a cipher variable): alerts from every source, right and wrong
 * credentials, bad bodies, a preview, jobs run to their end. Then every log line, every stored row of
 * every table, every API answer and error body and the metrics are searched for each secret.
 */
class SecretsNeverLeakTest {

    private static final String APP_SECRET = "app-SECRET-job-44a1";
    private static final String TOKEN = "tok-SECRET-intake-9f2c";
    private static final String BASIC_PASSWORD = "pw-SECRET-basic-71cd";
    private static final String GRAFANA_KEY = "hmac-SECRET-grafana-3d8e";
    private static final String ZABBIX_KEY = "hmac-SECRET-zabbix-5e0b";
    /** preview-cipher.yaml renders its cipher variable as pw-<instance>-TOPSECRET. */
    private static final String CIPHER = "TOPSECRET";

    @Test
    void no_secret_appears_in_logs_records_answers_or_metrics() throws Exception {
        List<String> answers = new ArrayList<>();
        List<String> logLines;
        StoredRows rows;
        List<Map<String, Object>> stored = new ArrayList<>();
        try (CapturedLog log = new CapturedLog()) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("bridge.actions.dir", "src/test/resources/source-actions");
            p.put("bridge.job.app-secret", APP_SECRET);
            p.put("bridge.intake.token", TOKEN);
            p.put("bridge.intake.alertmanager.auth", "basic");
            p.put("bridge.intake.alertmanager.basic-username", "alertmanager");
            p.put("bridge.intake.alertmanager.basic-password", BASIC_PASSWORD);
            p.put("bridge.intake.grafana.auth", "grafana-hmac");
            p.put("bridge.intake.grafana.hmac-secret", GRAFANA_KEY);
            p.put("bridge.intake.zabbix.auth", "hmac");
            p.put("bridge.intake.zabbix.hmac-secret", ZABBIX_KEY);
            try (RunningBridge bridge = RunningBridge.start(p)) {
                List<String> actionIds = new ArrayList<>();
                // bk-monitor, with the cipher action; once right, then with wrong and malformed requests.
                String bk = """
                        {"id": "leak-1", "alert_name": "preview-ok", "status": "ABNORMAL",
                         "dimensions": [{"key": "instance", "value": "db-1"}], "event": {"ip": "10.0.4.1", "bk_cloud_id": 0}}
                        """;
                HttpResponse<String> r = send(bridge, answers, "/api/v1/alerts", bk, "Authorization", "Bearer " + TOKEN);
                assertThat(r.statusCode()).isEqualTo(202);
                actionIds.add(RunningBridge.JSON.readTree(r.body()).path("actions").get(0).path("id").asText());
                send(bridge, answers, "/api/v1/alerts", bk, "Authorization", "Bearer " + TOKEN + "x");
                send(bridge, answers, "/api/v1/alerts", bk, "Authorization", "Basic " + b64("alertmanager:" + BASIC_PASSWORD));
                send(bridge, answers, "/api/v1/alerts", "{\"id\": \"" + TOKEN + "\", \"event\": 1}", "Authorization", "Bearer " + TOKEN);
                send(bridge, answers, "/api/v1/alerts", "{broken", "Authorization", "Bearer " + TOKEN);

                // Alertmanager with basic auth, right and wrong.
                r = send(bridge, answers, "/api/v1/alerts/alertmanager", SenderPayloads.ALERTMANAGER,
                        "Authorization", "Basic " + b64("alertmanager:" + BASIC_PASSWORD));
                assertThat(r.statusCode()).isEqualTo(202);
                RunningBridge.JSON.readTree(r.body()).path("alerts").get(0).path("actions")
                        .forEach(a -> actionIds.add(a.path("id").asText()));
                send(bridge, answers, "/api/v1/alerts/alertmanager", SenderPayloads.ALERTMANAGER,
                        "Authorization", "Basic " + b64("alertmanager:" + BASIC_PASSWORD + "!"));
                send(bridge, answers, "/api/v1/alerts/alertmanager", SenderPayloads.ALERTMANAGER, "Authorization", "Bearer " + TOKEN);

                // Grafana signed, signed wrongly, signed under the token as key.
                long ts = System.currentTimeMillis() / 1000;
                byte[] grafana = SenderPayloads.GRAFANA.getBytes(StandardCharsets.UTF_8);
                r = send(bridge, answers, "/api/v1/alerts/grafana", SenderPayloads.GRAFANA,
                        "X-Grafana-Alerting-Signature", GrafanaSignatureCheck.sign(GRAFANA_KEY, null, grafana));
                assertThat(r.statusCode()).isEqualTo(202);
                send(bridge, answers, "/api/v1/alerts/grafana", SenderPayloads.GRAFANA,
                        "X-Grafana-Alerting-Signature", GrafanaSignatureCheck.sign(TOKEN, null, grafana));

                // The custom source, signed; its replay.
                String zabbix = "{\"event_id\": \"leak-z\", \"event_name\": \"x\", \"severity\": \"High\","
                        + " \"host\": {\"ip\": \"10.0.4.2\"}, \"tags\": [{\"tag\": \"service\", \"value\": \"nginx\"}]}";
                String signature = SignatureCheck.sign(ZABBIX_KEY, ts, zabbix.getBytes(StandardCharsets.UTF_8));
                assertThat(send(bridge, answers, "/api/v1/alerts/zabbix", zabbix, "X-Bridge-Signature", signature,
                        "X-Bridge-Timestamp", String.valueOf(ts)).statusCode()).isEqualTo(202);
                send(bridge, answers, "/api/v1/alerts/zabbix", zabbix, "X-Bridge-Signature", signature,
                        "X-Bridge-Timestamp", String.valueOf(ts));

                // The preview, which renders the cipher.
                r = send(bridge, answers, "/api/v1/actions/preview", bk.replace("leak-1", "leak-2"), "Authorization", "Bearer " + TOKEN);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("******");

                for (String id : actionIds) {
                    bridge.awaitFinal(id, Duration.ofSeconds(60));
                }
                for (String path : List.of("/api/v1/actions", "/api/v1/dead-letters", "/api/v1/cluster", "/observe/metrics",
                        "/observe/health", "/api/v1/stats/actions-per-minute", "/api/v1/stats/job-api-latency")) {
                    answers.add(bridge.get(path).body());
                }
                for (String id : actionIds) {
                    JsonNode action = bridge.getJson("/api/v1/actions/" + id);
                    assertThat(action.path("status").asText()).as(action.toString()).isEqualTo("success");
                    answers.add(action.toString());
                }
                rows = new StoredRows(bridge);
                for (String table : List.of("alert", "action", "action_host_result", "dead_letter", "bridge_instance")) {
                    stored.addAll(rows.query("SELECT * FROM " + table));
                }
            }
            logLines = log.lines();
        }

        assertThat(logLines).as("log lines").hasSizeGreaterThan(20);
        assertThat(stored).as("stored rows").hasSizeGreaterThan(5);
        assertThat(String.join("\n", answers)).as("API answers").contains("******");
        for (String secret : List.of(APP_SECRET, TOKEN, BASIC_PASSWORD, GRAFANA_KEY, ZABBIX_KEY, CIPHER,
                b64("alertmanager:" + BASIC_PASSWORD))) {
            assertThat(logLines).as("log lines with " + secret).noneMatch(line -> line.contains(secret));
            assertThat(stored).as("stored rows with " + secret)
                    .noneMatch(row -> row.values().stream().anyMatch(v -> String.valueOf(v).contains(secret)));
            assertThat(answers).as("answers with " + secret).noneMatch(a -> a.contains(secret));
        }
    }

    private static HttpResponse<String> send(RunningBridge bridge, List<String> answers, String path, String body,
                                             String... headers) throws Exception {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = bridge.postRaw(path, body.getBytes(StandardCharsets.UTF_8), h);
        answers.add(r.body());
        answers.add(r.headers().map().toString());
        return r;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
