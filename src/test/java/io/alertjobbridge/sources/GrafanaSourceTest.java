package io.alertjobbridge.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertjobbridge.intake.BadRequestException;
import io.alertjobbridge.intake.BoundedJson;
import io.alertjobbridge.intake.IntakeLimits;
import io.alertjobbridge.intake.ValidAlert;
import org.junit.jupiter.api.Test;

class GrafanaSourceTest {

    private final BoundedJson json = new BoundedJson(IntakeLimits.defaults());
    private final GrafanaSource source = new GrafanaSource(new ObjectMapper());

    private List<ValidAlert> read(String body) {
        return source.read(json.parse(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void the_peers_example_becomes_one_alert_with_grafanas_extras() {
        ValidAlert a = read(SenderPayloads.GRAFANA).get(0);

        assertThat(a.id()).isEqualTo("grafana:9a0c41d7e2b35f18:2025-03-01T02:00:00Z");
        assertThat(a.document()).containsEntry("source", "grafana").containsEntry("alert_name", "HighLoad")
                .containsEntry("status", "ABNORMAL").doesNotContainKey("severity");
        assertThat(a.subject().labels()).containsEntry("host", "web-3").containsEntry("grafana_folder", "Ops");
        assertThat(a.document().get("annotations")).isEqualTo(Map.of("summary", "Load above 8", "job_plan", "restart-nginx"));
        @SuppressWarnings("unchecked")
        Map<String, Object> extra = (Map<String, Object>) ((Map<String, Object>) a.document().get("extra_info")).get("grafana");
        assertThat(extra).containsEntry("ruleUID", "abc123").containsEntry("orgId", 1).containsEntry("title",
                "[FIRING:1] HighLoad Ops (web-3)").containsKey("values").containsKey("dashboardURL")
                .doesNotContainKey("message");
    }

    @Test
    void an_alertmanager_message_is_refused_with_a_pointer_to_its_endpoint() {
        BadRequestException e = catchThrowableOfType(BadRequestException.class, () -> read(SenderPayloads.ALERTMANAGER));

        assertThat(e.field()).isEqualTo("version");
        assertThat(e.getMessage()).contains("/api/v1/alerts/alertmanager");
    }

    @Test
    void the_legacy_webhook_is_refused_as_such() {
        BadRequestException e = catchThrowableOfType(BadRequestException.class, () -> read(SenderPayloads.GRAFANA_LEGACY));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("legacy_format");
    }
}
