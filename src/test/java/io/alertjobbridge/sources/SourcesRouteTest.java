package io.alertjobbridge.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertjobbridge.support.Alerts;
import io.alertjobbridge.support.RunningBridge;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every source through the real routes, as its sender posts it: Alertmanager and Grafana messages,
 * the example Zabbix instance of the custom source template, bk-monitor; one alert model behind them
 * (the actions of src/test/resources/source-actions). The tests share one bridge; each uses its own
 * alert ids.
 */
@Execution(ExecutionMode.CONCURRENT)
class SourcesRouteTest {

    private static RunningBridge bridge;
    private static StoredRows rows;

    @BeforeAll
    static void start() throws Exception {
        bridge = RunningBridge.start(Map.of("bridge.actions.dir", "src/test/resources/source-actions"));
        rows = new StoredRows(bridge);
    }

    @AfterAll
    static void stop() throws Exception {
        bridge.close();
    }

    private static JsonNode accepted(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return RunningBridge.JSON.readTree(r.body());
    }

    private static List<String> actionNames(JsonNode alertSummary) {
        List<String> names = new ArrayList<>();
        alertSummary.path("actions").forEach(a -> names.add(a.path("name").asText()));
        return names;
    }

    @Test
    void an_alertmanager_message_runs_the_matching_action_with_the_labels_in_its_variables() throws Exception {
        JsonNode reply = accepted(bridge.post("/api/v1/alerts/alertmanager", SenderPayloads.ALERTMANAGER), 202);

        JsonNode alert = reply.path("alerts").get(0);
        assertThat(alert.path("alert_id").asText()).isEqualTo("alertmanager:5e1f3a9c2b7d4e60:2025-03-01T10:00:00Z");
        assertThat(actionNames(alert)).containsExactly("am-disk-cleanup");
        JsonNode action = bridge.awaitFinal(alert.path("actions").get(0).path("id").asText(), Duration.ofSeconds(30));
        assertThat(action.path("status").asText()).isEqualTo("success");
        assertThat(action.path("global_var_list").toString()).isEqualTo(
                "[{\"id\":1000005,\"server\":{\"ip_list\":[{\"bk_cloud_id\":0,\"ip\":\"10.0.0.7\"}]}},"
                        + "{\"id\":1000004,\"value\":\"clean /data on 10.0.0.7:9100 (Disk almost full)\"}]");
        assertThat(rows.query("SELECT source FROM alert WHERE id = ?", alert.path("alert_id").asText()))
                .containsExactly(Map.of("source", "alertmanager"));
    }

    @Test
    void a_group_of_fifty_resent_after_a_timeout_adds_no_second_action() throws Exception {
        String group = SenderPayloads.alertmanagerGroup(20, 50, "firing");
        // The sender gives up before the answer, as Alertmanager does when its timeout passes ...
        HttpClient impatient = HttpClient.newHttpClient();
        try {
            impatient.send(HttpRequest.newBuilder(URI.create(bridge.base() + "/api/v1/alerts/alertmanager"))
                    .timeout(Duration.ofMillis(40)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + bridge.intakeToken())
                    .POST(HttpRequest.BodyPublishers.ofString(group)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException expected) {
            // the bridge carries on with the request
        }
        // ... and sends the same message again.
        HttpResponse<String> resent = bridge.post("/api/v1/alerts/alertmanager", group);
        assertThat(resent.statusCode()).as(resent.body()).isIn(200, 202);
        JsonNode again = accepted(bridge.post("/api/v1/alerts/alertmanager", group), 200);

        assertThat(again.path("alerts")).hasSize(50);
        Set<String> actionIds = new HashSet<>();
        for (JsonNode a : again.path("alerts")) {
            assertThat(actionNames(a)).containsExactly("am-disk-cleanup");
            actionIds.add(a.path("actions").get(0).path("id").asText());
        }
        assertThat(actionIds).hasSize(50);
        Set<String> alertIds = new HashSet<>();
        again.path("alerts").forEach(a -> alertIds.add(a.path("alert_id").asText()));
        assertThat(rows.query("SELECT alert_id FROM action").stream().filter(r -> alertIds.contains(r.get("alert_id"))))
                .as("one action per alert, however often the group came").hasSize(50);
        JsonNode reread = RunningBridge.JSON.readTree(resent.body());
        for (int i = 0; i < 50; i++) {
            assertThat(reread.path("alerts").get(i).path("actions").get(0).path("id"))
                    .isEqualTo(again.path("alerts").get(i).path("actions").get(0).path("id"));
        }
    }

    @Test
    void a_resolved_group_runs_only_the_actions_that_ask_for_the_resolved_signal() throws Exception {
        JsonNode firing = accepted(bridge.post("/api/v1/alerts/alertmanager",
                SenderPayloads.alertmanagerGroup(21, 3, "firing")), 202);
        JsonNode resolved = accepted(bridge.post("/api/v1/alerts/alertmanager",
                SenderPayloads.alertmanagerGroup(21, 3, "resolved")), 202);

        for (int i = 0; i < 3; i++) {
            assertThat(actionNames(firing.path("alerts").get(i))).containsExactly("am-disk-cleanup");
            assertThat(actionNames(resolved.path("alerts").get(i))).containsExactly("resolved-notice");
            assertThat(resolved.path("alerts").get(i).path("alert_id").asText())
                    .isEqualTo(firing.path("alerts").get(i).path("alert_id").asText() + ":recovered");
        }
        accepted(bridge.post("/api/v1/alerts/alertmanager", SenderPayloads.alertmanagerGroup(21, 3, "resolved")), 200);
    }

    @Test
    void a_grafana_message_runs_the_matching_action_with_grafanas_fields() throws Exception {
        JsonNode alert = accepted(bridge.post("/api/v1/alerts/grafana", SenderPayloads.GRAFANA), 202).path("alerts").get(0);

        assertThat(alert.path("alert_id").asText()).isEqualTo("grafana:9a0c41d7e2b35f18:2025-03-01T02:00:00Z");
        assertThat(actionNames(alert)).containsExactly("grafana-load");
        JsonNode action = bridge.awaitFinal(alert.path("actions").get(0).path("id").asText(), Duration.ofSeconds(30));
        assertThat(action.path("global_var_list").toString())
                .isEqualTo("[{\"id\":1000004,\"value\":\"web-3 abc123 restart-nginx\"}]");
        assertThat(rows.query("SELECT source FROM alert WHERE id = ?", alert.path("alert_id").asText()))
                .containsExactly(Map.of("source", "grafana"));
    }

    @Test
    void grafanas_legacy_webhook_and_an_alertmanager_message_sent_to_grafana_are_refused() throws Exception {
        assertThat(bridge.post("/api/v1/alerts/grafana", SenderPayloads.GRAFANA_LEGACY).statusCode()).isEqualTo(400);
        assertThat(bridge.post("/api/v1/alerts/grafana", SenderPayloads.ALERTMANAGER).statusCode()).isEqualTo(400);
        assertThat(bridge.post("/api/v1/alerts/alertmanager", SenderPayloads.GRAFANA).statusCode()).isEqualTo(400);
    }

    @Test
    void the_example_zabbix_source_maps_its_json_to_the_model() throws Exception {
        String problem = """
                {"event_id": "880011", "event_name": "nginx is down on web-1", "severity": "High", "status": "PROBLEM",
                 "host": {"name": "web-1", "ip": "10.0.3.21"}, "tags": [{"tag": "service", "value": "nginx"}],
                 "opdata": "0 processes"}
                """;
        JsonNode reply = accepted(bridge.post("/api/v1/alerts/zabbix", problem), 202);

        assertThat(reply.path("alert_id").asText()).isEqualTo("zabbix:880011");
        assertThat(actionNames(reply)).containsExactly("zabbix-restart");
        JsonNode action = bridge.awaitFinal(reply.path("actions").get(0).path("id").asText(), Duration.ofSeconds(30));
        assertThat(action.path("global_var_list").toString()).isEqualTo(
                "[{\"id\":1000005,\"server\":{\"ip_list\":[{\"bk_cloud_id\":0,\"ip\":\"10.0.3.21\"}]}},"
                        + "{\"id\":1000004,\"value\":\"restart nginx for web-1\"}]");
        assertThat(rows.query("SELECT source FROM alert WHERE id = ?", "zabbix:880011"))
                .containsExactly(Map.of("source", "zabbix"));

        // The recovery is a new alert of the same event, which no action here asks for.
        JsonNode recovery = accepted(bridge.post("/api/v1/alerts/zabbix", problem.replace("PROBLEM", "RESOLVED")), 202);
        assertThat(recovery.path("alert_id").asText()).isEqualTo("zabbix:880011:recovered");
        assertThat(recovery.path("actions")).isEmpty();
        // Severity Average is 2: zabbix-restart asks for 1.
        assertThat(accepted(bridge.post("/api/v1/alerts/zabbix", problem.replace("880011", "880012")
                .replace("High", "Average")), 202).path("actions")).isEmpty();
        assertThat(bridge.post("/api/v1/alerts/zabbix", problem.replace("High", "Catastrophic")).statusCode()).isEqualTo(400);
    }

    @Test
    void the_same_template_reads_the_same_label_of_every_source() throws Exception {
        String am = SenderPayloads.ALERTMANAGER.replace("5e1f3a9c2b7d4e60", "0000000000000e01")
                .replace("\"mountpoint\": \"/data\"", "\"echo\": \"1\"");
        String zabbix = """
                {"event_id": "echo-1", "event_name": "echo", "severity": "Warning",
                 "tags": [{"tag": "instance", "value": "10.0.0.7:9100"}, {"tag": "echo", "value": "1"}]}
                """;
        String amAction = null;
        for (JsonNode a : accepted(bridge.post("/api/v1/alerts/alertmanager", am), 202).path("alerts").get(0).path("actions")) {
            if (a.path("name").asText().equals("instance-echo")) {
                amAction = a.path("id").asText();
            }
        }
        String zabbixAction = accepted(bridge.post("/api/v1/alerts/zabbix", zabbix), 202)
                .path("actions").get(0).path("id").asText();

        assertThat(bridge.awaitFinal(amAction, Duration.ofSeconds(30)).path("global_var_list").get(0).path("value").asText())
                .isEqualTo("10.0.0.7:9100|alertmanager");
        assertThat(bridge.awaitFinal(zabbixAction, Duration.ofSeconds(30)).path("global_var_list").get(0).path("value").asText())
                .isEqualTo("10.0.0.7:9100|zabbix");
    }

    @Test
    void a_bk_monitor_recovery_of_an_alert_seen_abnormal_reaches_the_actions_for_recovered() throws Exception {
        String id = Alerts.uniqueId();
        String abnormal = Alerts.diskFull(id, "10.0.1.15");
        assertThat(accepted(bridge.post("/api/v1/alerts", abnormal), 202).path("actions")).isEmpty();

        JsonNode recovered = accepted(bridge.post("/api/v1/alerts", abnormal.replace("ABNORMAL", "RECOVERED")), 202);
        assertThat(recovered.path("alert_id").asText()).isEqualTo(id + ":recovered");
        assertThat(actionNames(recovered)).containsExactly("bk-recovered");
        JsonNode action = bridge.awaitFinal(recovered.path("actions").get(0).path("id").asText(), Duration.ofSeconds(30));
        assertThat(action.path("global_var_list").get(0).path("value").asText()).isEqualTo("recovered " + id + " /data");
        assertThat(rows.query("SELECT source FROM alert WHERE id = ?", id)).containsExactly(Map.of("source", "bk-monitor"));
    }
    @Test
    void template_syntax_and_markup_in_an_alert_are_stored_and_rendered_as_text() throws Exception {
        String id = "{{7*7}}<b>" + Alerts.uniqueId();
        String alert = Alerts.diskFull("ID", "10.0.1.16").replace("\"ID\"", RunningBridge.JSON.writeValueAsString(id))
                .replace("ABNORMAL", "RECOVERED");
        JsonNode reply = accepted(bridge.post("/api/v1/alerts", alert), 202);

        assertThat(reply.path("alert_id").asText()).isEqualTo(id + ":recovered");
        JsonNode action = bridge.awaitFinal(reply.path("actions").get(0).path("id").asText(), Duration.ofSeconds(30));
        assertThat(action.path("global_var_list").get(0).path("value").asText()).isEqualTo("recovered " + id + " /data");
        assertThat(rows.query("SELECT payload FROM alert WHERE id = ?", id + ":recovered").get(0).get("payload").toString())
                .contains("{{7*7}}<b>");
    }
}
