package io.alertjobbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.alertjobbridge.sources.SenderPayloads;
import io.alertjobbridge.sources.StoredRows;
import io.alertjobbridge.support.Alerts;
import io.alertjobbridge.support.RunningBridge;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each inbound endpoint with its own credential settings, over HTTP: the right credential is
 * admitted, anything else gets the same bare 401 before the body is even read, and nothing is stored.
 */
class InboundSecurityRouteTest {

    static final String UNAUTHORIZED = "{\"error\":{\"code\":\"unauthorized\",\"message\":\"unauthorized\"}}";
    private static final String GRAFANA_KEY = "grafana-hmac-key-for-tests";
    private static final String ZABBIX_KEY = "zabbix-hmac-key-for-tests";
    private static RunningBridge bridge;
    private static StoredRows rows;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("bridge.actions.dir", "src/test/resources/source-actions");
        p.put("bridge.intake.token", "route-test-token");
        p.put("bridge.intake.alertmanager.auth", "basic");
        p.put("bridge.intake.alertmanager.basic-username", "alertmanager");
        p.put("bridge.intake.alertmanager.basic-password", "am-password-for-tests");
        p.put("bridge.intake.grafana.auth", "grafana-hmac");
        p.put("bridge.intake.grafana.hmac-secret", GRAFANA_KEY);
        p.put("bridge.intake.grafana.grafana-timestamp-header", "X-Grafana-Alerting-Timestamp");
        p.put("bridge.intake.zabbix.auth", "hmac,token");
        p.put("bridge.intake.zabbix.hmac-secret", ZABBIX_KEY);
        p.put("bridge.intake.zabbix.replay-window-seconds", "60");
        bridge = RunningBridge.start(p);
        rows = new StoredRows(bridge);
    }

    @AfterAll
    static void stop() throws Exception {
        bridge.close();
    }

    private static HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        return bridge.postRaw(path, body.getBytes(StandardCharsets.UTF_8), h);
    }

    private static void assertRefused(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).isEqualTo(UNAUTHORIZED);
        assertThat(r.headers().map().keySet()).allMatch(h -> h.equals("content-type") || h.equals("content-length")
                || h.equals(":status"));
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    @Test
    void bk_monitor_takes_the_token_and_nothing_else() throws Exception {
        String body = Alerts.diskFull(Alerts.uniqueId(), "10.0.1.15");
        assertRefused(post("/api/v1/alerts", body));
        assertRefused(post("/api/v1/alerts", body, "Authorization", "Bearer wrong-token"));
        assertRefused(post("/api/v1/alerts", body, "Authorization", "Bearer route-test-token-2"));
        assertRefused(post("/api/v1/alerts", body, "Authorization", "Basic " + b64("alertmanager:am-password-for-tests")));
        assertRefused(post("/api/v1/alerts", body, "X-Token", "route-test-token"));
        assertRefused(post("/api/v1/alerts?token=route-test-token", body));
        assertThat(post("/api/v1/alerts", body, "Authorization", "Bearer route-test-token").statusCode()).isEqualTo(202);
    }

    @Test
    void alertmanager_takes_its_basic_auth() throws Exception {
        String group = SenderPayloads.alertmanagerGroup(40, 2, "firing");
        assertRefused(post("/api/v1/alerts/alertmanager", group, "Authorization", "Bearer route-test-token"));
        assertRefused(post("/api/v1/alerts/alertmanager", group, "Authorization", "Basic " + b64("alertmanager:nope")));
        assertRefused(post("/api/v1/alerts/alertmanager", group, "Authorization", "Basic " + b64("other:am-password-for-tests")));
        assertThat(post("/api/v1/alerts/alertmanager", group, "Authorization",
                "Basic " + b64("alertmanager:am-password-for-tests")).statusCode()).isEqualTo(202);
    }

    @Test
    void grafana_takes_its_signature_with_a_fresh_timestamp_once() throws Exception {
        String body = SenderPayloads.GRAFANA.replace("9a0c41d7e2b35f18", "9a0c41d7e2b35f19");
        long ts = now();
        String signature = GrafanaSignatureCheck.sign(GRAFANA_KEY, ts, body.getBytes(StandardCharsets.UTF_8));

        assertRefused(post("/api/v1/alerts/grafana", body, "Authorization", "Bearer route-test-token"));
        assertRefused(post("/api/v1/alerts/grafana", body, "X-Grafana-Alerting-Signature", signature));
        assertRefused(post("/api/v1/alerts/grafana", body.replace("web-3", "web-4"), "X-Grafana-Alerting-Signature", signature,
                "X-Grafana-Alerting-Timestamp", String.valueOf(ts)));
        assertRefused(post("/api/v1/alerts/grafana", body, "X-Grafana-Alerting-Signature",
                GrafanaSignatureCheck.sign("another-key", ts, body.getBytes(StandardCharsets.UTF_8)),
                "X-Grafana-Alerting-Timestamp", String.valueOf(ts)));
        long old = ts - 301;
        assertRefused(post("/api/v1/alerts/grafana", body, "X-Grafana-Alerting-Signature",
                GrafanaSignatureCheck.sign(GRAFANA_KEY, old, body.getBytes(StandardCharsets.UTF_8)),
                "X-Grafana-Alerting-Timestamp", String.valueOf(old)));

        assertThat(post("/api/v1/alerts/grafana", body, "X-Grafana-Alerting-Signature", signature,
                "X-Grafana-Alerting-Timestamp", String.valueOf(ts)).statusCode()).isEqualTo(202);
        assertRefused(post("/api/v1/alerts/grafana", body, "X-Grafana-Alerting-Signature", signature,
                "X-Grafana-Alerting-Timestamp", String.valueOf(ts)));
    }

    @Test
    void the_generic_signature_covers_the_raw_bytes_as_sent() throws Exception {
        // Not re-serialised JSON: spacing, key order and UTF-8 text are signed exactly as they are sent.
        String body = "{ \"event_id\" : \"sig-1\",\n  \"event_name\": \"磁盘告警\", \"severity\": \"High\"   }";
        long ts = now();
        String signature = SignatureCheck.sign(ZABBIX_KEY, ts, body.getBytes(StandardCharsets.UTF_8));

        assertThat(post("/api/v1/alerts/zabbix", body, "X-Bridge-Signature", signature,
                "X-Bridge-Timestamp", String.valueOf(ts)).statusCode()).isEqualTo(202);
        assertRefused(post("/api/v1/alerts/zabbix", body, "X-Bridge-Signature", signature,
                "X-Bridge-Timestamp", String.valueOf(ts)));
        long future = ts + 120;
        assertRefused(post("/api/v1/alerts/zabbix", body.replace("sig-1", "sig-2"), "X-Bridge-Signature",
                SignatureCheck.sign(ZABBIX_KEY, future, body.replace("sig-1", "sig-2").getBytes(StandardCharsets.UTF_8)),
                "X-Bridge-Timestamp", String.valueOf(future)));
        // The token is the endpoint's other accepted credential.
        assertThat(post("/api/v1/alerts/zabbix", body.replace("sig-1", "sig-3"), "Authorization", "Bearer route-test-token")
                .statusCode()).isEqualTo(202);
    }

    @Test
    void the_preview_needs_the_token_too() throws Exception {
        String body = Alerts.diskFull(Alerts.uniqueId(), "10.0.1.15");
        assertRefused(post("/api/v1/actions/preview", body));
        assertThat(post("/api/v1/actions/preview", body, "Authorization", "Bearer route-test-token").statusCode())
                .isEqualTo(200);
    }

    @Test
    void credentials_are_checked_before_the_body_is_read_and_refusals_store_nothing() throws Exception {
        long alerts = rows.count("alert");
        assertRefused(post("/api/v1/alerts", "{not json"));
        assertRefused(bridge.postRaw("/api/v1/alerts/grafana", "x=1".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded")));
        assertRefused(post("/api/v1/alerts/zabbix", "[" .repeat(5000)));
        assertThat(rows.count("alert")).isEqualTo(alerts);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
