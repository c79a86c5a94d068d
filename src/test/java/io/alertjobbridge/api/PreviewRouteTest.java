package io.alertjobbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertjobbridge.sources.SenderPayloads;
import io.alertjobbridge.sources.StoredRows;
import io.alertjobbridge.support.RunningBridge;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /api/v1/actions/preview through the real route: the answer, and that it stores and calls nothing. */
class PreviewRouteTest {

    private static RunningBridge bridge;

    @BeforeAll
    static void start() throws Exception {
        bridge = RunningBridge.start(Map.of("bridge.actions.dir", "src/test/resources/source-actions"));
    }

    @AfterAll
    static void stop() throws Exception {
        bridge.close();
    }

    private static HttpResponse<String> preview(String query, String body) throws Exception {
        return bridge.postRaw("/api/v1/actions/preview" + query, body.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + bridge.intakeToken()));
    }

    @Test
    void previews_every_source_format_storing_nothing_and_calling_no_job_api() throws Exception {
        StoredRows rows = new StoredRows(bridge);
        long jobCalls = bridge.simulatorCalls().toString().length();
        long alerts = rows.count("alert");
        long actions = rows.count("action");

        HttpResponse<String> am = preview("?source=alertmanager", SenderPayloads.ALERTMANAGER);
        HttpResponse<String> grafana = preview("?source=grafana", SenderPayloads.GRAFANA);
        HttpResponse<String> bk = preview("", """
                {"id": "pv-1", "alert_name": "preview-ok", "dimensions": [{"key": "instance", "value": "db-9"}],
                 "event": {"ip": "10.0.6.1", "bk_cloud_id": 3}}
                """);

        assertThat(am.statusCode()).as(am.body()).isEqualTo(200);
        JsonNode amAlert = RunningBridge.JSON.readTree(am.body()).path("alerts").get(0);
        assertThat(amAlert.path("actions").get(0).path("name").asText()).isEqualTo("am-disk-cleanup");
        assertThat(amAlert.path("actions").get(0).path("global_var_list").toString()).isEqualTo(
                "[{\"id\":1000005,\"server\":{\"ip_list\":[{\"bk_cloud_id\":0,\"ip\":\"10.0.0.7\"}]}},"
                        + "{\"id\":1000004,\"value\":\"clean /data on 10.0.0.7:9100 (Disk almost full)\"}]");
        assertThat(RunningBridge.JSON.readTree(grafana.body()).path("alerts").get(0).path("actions").get(0)
                .path("global_var_list").toString()).isEqualTo("[{\"id\":1000004,\"value\":\"web-3 abc123 restart-nginx\"}]");
        JsonNode bkActions = RunningBridge.JSON.readTree(bk.body()).path("alerts").get(0).path("actions");
        assertThat(bkActions.get(0).path("global_var_list").toString()).isEqualTo(
                "[{\"id\":1000005,\"server\":{\"ip_list\":[{\"bk_cloud_id\":3,\"ip\":\"10.0.6.1\"}]}},"
                        + "{\"id\":1000007,\"value\":\"******\"}]");
        assertThat(bk.body()).doesNotContain("TOPSECRET");

        assertThat(rows.count("alert")).isEqualTo(alerts);
        assertThat(rows.count("action")).isEqualTo(actions);
        assertThat(bridge.simulatorCalls().toString().length()).as("no Job API call").isEqualTo(jobCalls);
    }

    @Test
    void the_same_alert_previews_the_same_after_it_was_posted() throws Exception {
        String alert = SenderPayloads.alertmanagerGroup(70, 1, "firing");
        JsonNode before = RunningBridge.JSON.readTree(preview("?source=alertmanager", alert).body());
        HttpResponse<String> posted = bridge.post("/api/v1/alerts/alertmanager", alert);
        assertThat(posted.statusCode()).isEqualTo(202);
        // Let its job end, so no Job call of it overlaps another test.
        bridge.awaitFinal(RunningBridge.JSON.readTree(posted.body()).path("alerts").get(0).path("actions").get(0)
                .path("id").asText(), java.time.Duration.ofSeconds(30));
        JsonNode after = RunningBridge.JSON.readTree(preview("?source=alertmanager", alert).body());

        assertThat(after).isEqualTo(before);
    }

    @Test
    void an_unknown_source_is_refused_naming_the_known_ones() throws Exception {
        HttpResponse<String> r = preview("?source=nagios", "{\"id\": \"1\", \"event\": {}}");

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = RunningBridge.JSON.readTree(r.body()).path("error");
        assertThat(error.path("field").asText()).isEqualTo("source");
        assertThat(error.path("message").asText()).contains("bk-monitor", "alertmanager", "grafana", "model");
    }
}
