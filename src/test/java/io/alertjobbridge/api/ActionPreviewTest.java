package io.alertjobbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertjobbridge.action.ActionCatalog;
import io.alertjobbridge.action.ActionConfigLoader;
import io.alertjobbridge.action.ActionVariables;
import io.alertjobbridge.intake.BoundedJson;
import io.alertjobbridge.intake.IntakeLimits;
import io.alertjobbridge.mapping.MappingLimits;
import io.alertjobbridge.mapping.VariableMapper;
import io.alertjobbridge.sources.AlertSources;
import io.alertjobbridge.sources.AlertmanagerSource;
import io.alertjobbridge.sources.BkMonitorSource;
import org.junit.jupiter.api.Test;

/** The preview's answer for alerts against the actions of src/test/resources/source-actions. */
class ActionPreviewTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final VariableMapper mapper = new VariableMapper(MappingLimits.defaults());
    private final ActionCatalog catalog = new ActionCatalog(new ActionConfigLoader(mapper)
            .loadAll(Path.of("src/test/resources/source-actions")));
    private final AlertSources sources = new AlertSources(List.of(BkMonitorSource.bkMonitor(JSON),
            BkMonitorSource.model(JSON), new AlertmanagerSource(JSON)));
    private final ActionPreview preview = new ActionPreview(sources, catalog, new ActionVariables(mapper), null);
    private final BoundedJson json = new BoundedJson(IntakeLimits.defaults());

    private JsonNode previewOf(String source, String body) {
        return JSON.valueToTree(preview.previewOf(sources.byName(source).read(json.parse(body.getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void a_matching_action_shows_the_global_var_list_with_the_cipher_masked() {
        JsonNode alert = previewOf("model", """
                {"id": "p-1", "source": "zabbix", "alert_name": "preview-ok", "labels": {"instance": "db-1"},
                 "event": {"ip": "10.0.0.5", "bk_cloud_id": 0}}
                """).path("alerts").get(0);

        assertThat(alert.path("alert_id").asText()).isEqualTo("zabbix:p-1");
        assertThat(alert.path("source").asText()).isEqualTo("zabbix");
        assertThat(alert.path("alert").path("labels").path("instance").asText()).isEqualTo("db-1");
        assertThat(alert.path("actions")).hasSize(1);
        JsonNode action = alert.path("actions").get(0);
        assertThat(action.path("name").asText()).isEqualTo("preview-cipher");
        assertThat(action.path("plan_id").asLong()).isEqualTo(1000043L);
        assertThat(action.path("global_var_list").toString()).isEqualTo(
                "[{\"id\":1000005,\"server\":{\"ip_list\":[{\"bk_cloud_id\":0,\"ip\":\"10.0.0.5\"}]}},"
                        + "{\"id\":1000007,\"value\":\"******\"}]");
        assertThat(alert.toString()).doesNotContain("TOPSECRET");
    }

    @Test
    void failing_actions_show_the_reason_they_would_fail_with() {
        JsonNode actions = previewOf("model", """
                {"id": "p-2", "alert_name": "preview-broken", "labels": {"hostname": "db-server-7"}, "event": {}}
                """).path("alerts").get(0).path("actions");

        assertThat(actions).hasSize(2);
        assertThat(actions.get(0).path("name").asText()).isEqualTo("preview-bad-host");
        assertThat(actions.get(0).path("error").asText()).startsWith("variable mapping failed").contains("db-server-7")
                .contains("1000005_3");
        assertThat(actions.get(0).has("global_var_list")).isFalse();
        assertThat(actions.get(1).path("name").asText()).isEqualTo("preview-bad-template");
        assertThat(actions.get(1).path("error").asText()).contains("1000004_1");
    }

    @Test
    void an_alertmanager_group_previews_each_alert_with_its_signal() {
        JsonNode alerts = previewOf("alertmanager", io.alertjobbridge.sources.SenderPayloads.alertmanagerGroup(3, 2, "resolved"))
                .path("alerts");

        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(0).path("signal").asText()).isEqualTo("recovered");
        assertThat(alerts.get(0).path("actions").get(0).path("name").asText()).isEqualTo("resolved-notice");
        assertThat(alerts.get(0).path("actions").get(0).path("global_var_list").get(0).path("value").asText())
                .isEqualTo("resolved DiskFull on 10.3.0.2:9100");
    }

    @Test
    void an_alert_no_action_matches_previews_with_no_actions() {
        JsonNode alert = previewOf("bk-monitor", "{\"id\": \"9\", \"alert_name\": \"nothing here\", \"event\": {}}")
                .path("alerts").get(0);
        assertThat(alert.path("actions")).isEmpty();
        assertThat(alert.path("alert_id").asText()).isEqualTo("9");
    }

    @Test
    void the_preview_answer_is_plain_data() {
        assertThat(preview.previewOf(List.of())).isEqualTo(Map.of("alerts", List.of()));
    }
}
