package io.alertjobbridge.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertjobbridge.intake.BadRequestException;
import io.alertjobbridge.intake.ValidAlert;
import org.junit.jupiter.api.Test;

class CustomSourceTest {

    private final CustomSource source = new CustomSource(new ObjectMapper());

    private static CustomAlertFields fields(Object id, Object severity, Object status, Object labels) {
        return new CustomAlertFields(id, "nginx down", "10.0.0.9", null, 0, "2207", 2L, null, severity, status, labels, null);
    }

    @Test
    void the_fields_become_an_alert_of_the_model_with_the_request_kept() {
        Map<String, Object> payload = Map.of("event_id", "123", "host", Map.of("name", "web-1"));
        ValidAlert a = source.read("zabbix", fields("123", "High", "PROBLEM",
                List.of(Map.of("tag", "service", "value", "nginx"), Map.of("tag", "port", "value", 80))),
                "Disaster:1,High:1,Average:2", "PROBLEM:abnormal,RESOLVED:recovered", payload);

        assertThat(a.id()).isEqualTo("zabbix:123");
        assertThat(a.source()).isEqualTo("zabbix");
        assertThat(a.document()).containsEntry("id", "123").containsEntry("alert_name", "nginx down")
                .containsEntry("severity", 1).containsEntry("status", "ABNORMAL");
        assertThat(a.document().get("event")).isEqualTo(Map.of("ip", "10.0.0.9", "ipv6", "", "bk_cloud_id", 0L,
                "bk_host_id", 2207L, "bk_biz_id", 2L));
        assertThat(a.subject().labels()).containsExactly(Map.entry("service", "nginx"), Map.entry("port", "80"));
        assertThat(((Map<?, ?>) a.document().get("extra_info")).get("zabbix")).isEqualTo(payload);
    }

    @Test
    void a_recovery_maps_through_the_status_words_and_gets_its_own_stored_id() {
        ValidAlert a = source.read("zabbix", fields("123", "High", "resolved", null), "High:1",
                "PROBLEM:abnormal,RESOLVED:recovered", Map.of());

        assertThat(a.subject().signal()).isEqualTo("recovered");
        assertThat(a.id()).isEqualTo("zabbix:123:recovered");
    }

    @Test
    void common_words_when_the_route_gives_no_maps() {
        ValidAlert a = source.read("ops", fields(42, "critical", "firing", Map.of("team", "ops", "n", 3)),
                "common", "common", Map.of());

        assertThat(a.id()).isEqualTo("ops:42");
        assertThat(a.subject().severity()).isEqualTo(1);
        assertThat(a.subject().signal()).isEqualTo("abnormal");
        assertThat(a.subject().labels()).containsEntry("team", "ops").containsEntry("n", "3");
        assertThat(source.read("ops", fields("1", 3, null, null), "", "", Map.of()).subject().severity()).isEqualTo(3);
    }

    @Test
    void a_single_match_of_a_filter_expression_is_taken_as_the_value() {
        ValidAlert a = source.read("ops", fields(List.of("abc"), null, List.of("ok"), null), "common", "common", Map.of());

        assertThat(a.document().get("id")).isEqualTo("abc");
        assertThat(a.subject().signal()).isEqualTo("recovered");
    }

    @Test
    void bad_values_are_refused_naming_the_field() {
        assertThat(refusal(fields(null, null, null, null)).field()).isEqualTo("id");
        assertThat(refusal(fields("", null, null, null)).code()).isEqualTo("missing_field");
        assertThat(refusal(fields("a\u202eb", null, null, null)).field()).isEqualTo("id");
        assertThat(refusal(fields("a\nb", null, null, null)).field()).isEqualTo("id");
        assertThat(refusal(fields(Map.of("a", 1), null, null, null)).field()).isEqualTo("id");
        assertThat(refusal(fields(List.of("a", "b"), null, null, null)).getMessage()).contains("found 2");
        assertThat(refusal(fields("1", "blue", null, null)).field()).isEqualTo("severity");
        assertThat(refusal(fields("1", null, "exploded", null)).field()).isEqualTo("status");
        assertThat(refusal(fields("1", null, null, "a=b")).field()).isEqualTo("labels[0]");
        assertThat(refusal(fields("1", null, null, Map.of("a", Map.of("b", "c")))).field()).isEqualTo("labels.a");
        assertThat(refusal(new CustomAlertFields("1", null, "web-1", null, null, null, null, null, null, null, null, null))
                .field()).isEqualTo("ip");
        assertThat(refusal(new CustomAlertFields("1", null, null, "10.0.0.1", null, null, null, null, null, null, null, null))
                .field()).isEqualTo("ipv6");
        assertThat(refusal(new CustomAlertFields("1", null, null, null, "-1", null, null, null, null, null, null, null))
                .field()).isEqualTo("bk_cloud_id");
        assertThat(refusal(new CustomAlertFields("1", null, null, null, null, null, null, "s7", null, null, null, null))
                .field()).isEqualTo("strategy_id");
    }

    @Test
    void a_severity_the_routes_map_does_not_name_is_refused_even_if_common() {
        BadRequestException e = catchThrowableOfType(BadRequestException.class,
                () -> source.read("zabbix", fields("1", "critical", null, null), "High:1", "", Map.of()));
        assertThat(e.getMessage()).contains("severityMap");
    }

    @Test
    void a_malformed_map_in_the_route_is_a_configuration_error() {
        assertThatThrownBy(() -> source.read("zabbix", fields("1", "High", null, null), "High=1", "", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("severityMap");
        assertThatThrownBy(() -> source.read("zabbix", fields("1", null, "OK", null), "", "OK:fine", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("statusMap");
    }

    private BadRequestException refusal(CustomAlertFields f) {
        BadRequestException e = catchThrowableOfType(BadRequestException.class,
                () -> source.read("ops", f, "common", "common", Map.of()));
        assertThat(e).as("refused: %s", f).isNotNull();
        assertThat(e.status()).isEqualTo(400);
        return e;
    }
}
