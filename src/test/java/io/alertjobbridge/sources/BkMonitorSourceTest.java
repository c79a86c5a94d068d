package io.alertjobbridge.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.stream.Stream;

import io.alertjobbridge.action.ActionMatch;
import io.alertjobbridge.intake.BadRequestException;
import io.alertjobbridge.intake.BoundedJson;
import io.alertjobbridge.intake.IntakeLimits;
import io.alertjobbridge.intake.ValidAlert;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** bk-monitor's alert document, read from a body within the default bounds. */
class BkMonitorSourceTest {

    private final BoundedJson json = new BoundedJson(IntakeLimits.defaults());
    private final BkMonitorSource source = BkMonitorSource.bkMonitor(new ObjectMapper());

    private ValidAlert read(String body) {
        return source.readOne(json.parse(body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    // ---- the bk-monitor examples are accepted ------------------------------------------------------

    @Test
    void example_a_is_accepted_with_its_match_fields() {
        ValidAlert alert = read(BkMonitorAlerts.A);

        assertThat(alert.id()).isEqualTo("17480001200000117");
        assertThat(alert.source()).isEqualTo("bk-monitor");
        ActionMatch.Subject s = alert.subject();
        assertThat(s.strategyId()).isEqualTo(41L);
        assertThat(s.alertName()).isEqualTo("CPU usage too high");
        assertThat(s.severity()).isEqualTo(2);
        assertThat(s.signal()).isEqualTo("abnormal");
        assertThat(s.dimensions()).containsExactly(Map.entry("bk_target_ip", "10.0.1.15"),
                Map.entry("bk_target_cloud_id", "0"));
        assertThat(alert.document()).containsEntry("alert_name", "CPU usage too high");
        assertThat(alert.json()).contains("\"display_key\":\"目标IP\"");
    }

    @Test
    void example_b_is_accepted_with_three_dimensions() {
        ValidAlert alert = read(BkMonitorAlerts.B);

        assertThat(alert.id()).isEqualTo("17480100000000042");
        assertThat(alert.subject().severity()).isEqualTo(1);
        assertThat(alert.subject().dimensions()).extracting(Map.Entry::getKey)
                .containsExactly("bk_target_ip", "bk_target_cloud_id", "mount_point");
    }

    @Test
    void example_c_numeric_dimension_value_becomes_text() {
        ValidAlert alert = read(BkMonitorAlerts.C);

        assertThat(alert.subject().dimensions()).containsExactly(Map.entry("ip", "10.2.3.4"), Map.entry("bk_cloud_id", "0"));
    }

    @Test
    void example_d_host_less_alert_with_empty_cloud_and_host_ids_is_accepted() {
        ValidAlert alert = read(BkMonitorAlerts.D);

        assertThat(alert.id()).isEqualTo("17480222220000003");
        @SuppressWarnings("unchecked")
        Map<String, Object> event = (Map<String, Object>) alert.document().get("event");
        assertThat(event).containsEntry("bk_cloud_id", "").containsEntry("bk_host_id", "").containsEntry("ip", "");
    }

    @Test
    void example_e_without_dimensions_or_extra_info_is_accepted() {
        ValidAlert alert = read(BkMonitorAlerts.E);

        assertThat(alert.id()).isEqualTo("17480300000000012");
        assertThat(alert.subject().dimensions()).isEmpty();
        assertThat(alert.subject().strategyId()).isEqualTo(88L);
    }

    @Test
    void numeric_alert_id_is_stored_as_a_string_id() {
        ValidAlert alert = read("{\"id\": 17480001200000117, \"event\": {}}");

        assertThat(alert.id()).isEqualTo("17480001200000117");
        assertThat(alert.document().get("id")).isEqualTo("17480001200000117");
        assertThat(alert.json()).contains("\"id\":\"17480001200000117\"");
    }

    @Test
    void string_alert_id_is_trimmed() {
        assertThat(read("{\"id\": \"  abc-1 \", \"event\": {}}").id()).isEqualTo("abc-1");
    }

    @Test
    void id_of_the_longest_length_is_accepted() {
        String id = "x".repeat(AlertModel.MAX_ID_LENGTH);
        assertThat(read("{\"id\": \"" + id + "\", \"event\": {}}").id()).isEqualTo(id);
    }

    @Test
    void signal_is_derived_from_status() {
        assertThat(signalOf("\"status\": \"ABNORMAL\",")).isEqualTo("abnormal");
        assertThat(signalOf("\"status\": \"RECOVERED\",")).isEqualTo("recovered");
        assertThat(signalOf("\"status\": \"CLOSED\",")).isEqualTo("closed");
        assertThat(signalOf("")).isEqualTo("abnormal");
        assertThat(signalOf("\"status\": null,")).isEqualTo("abnormal");
    }

    private String signalOf(String statusMember) {
        return read("{" + statusMember + " \"id\": \"1\", \"event\": {}}").subject().signal();
    }

    @Test
    void absent_optional_fields_give_null_match_fields() {
        ActionMatch.Subject s = read("{\"id\": \"1\", \"event\": {}}").subject();

        assertThat(s.strategyId()).isNull();
        assertThat(s.alertName()).isNull();
        assertThat(s.severity()).isNull();
        assertThat(s.dimensions()).isEmpty();
    }

    @Test
    void numeric_strings_for_event_cloud_host_and_biz_ids_are_accepted() {
        assertThatCode(() -> read(
                "{\"id\": \"1\", \"event\": {\"bk_cloud_id\": \"2\", \"bk_host_id\": \"2207\", \"bk_biz_id\": \"2\"}}"))
                .doesNotThrowAnyException();
    }

    // ---- nesting limit -----------------------------------------------------------------------------

    /** An alert whose deepest value sits {@code depth} containers deep, the root object counting as 1. */
    private static String alertNested(int depth) {
        // root (1) -> extra_info (2) -> depth - 2 more objects
        int inner = depth - 2;
        return "{\"id\": \"1\", \"event\": {}, \"extra_info\": " + "{\"a\": ".repeat(inner) + "{}" + "}".repeat(inner) + "}";
    }

    @Test
    void nesting_of_32_levels_is_accepted() {
        assertThatCode(() -> read(alertNested(32))).doesNotThrowAnyException();
    }

    @Test
    void nesting_deeper_than_32_levels_is_refused_as_too_deep() {
        BadRequestException e = refusal(alertNested(33));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("too_deep");
        assertThat(e.field()).isNull();
    }

    @Test
    void deeply_nested_lists_are_refused_as_too_deep() {
        BadRequestException e = refusal("{\"id\": \"1\", \"event\": {}, \"x\": " + "[".repeat(200) + "]".repeat(200) + "}");

        assertThat(e.code()).isEqualTo("too_deep");
    }

    // ---- refusals ----------------------------------------------------------------------------------

    static Stream<Arguments> refusals() {
        return Stream.of(
                // body-level problems: no field named
                Arguments.of("blank body", "  ", "empty_body", null),
                Arguments.of("malformed JSON", "{\"id\": \"1\", \"event\": {", "malformed_json", null),
                Arguments.of("trailing garbage", "{\"id\": \"1\", \"event\": {}} x", "malformed_json", null),
                Arguments.of("a second document after the first", "{\"id\": \"1\", \"event\": {}} {}", "malformed_json", null),
                Arguments.of("duplicate top-level key", "{\"id\": \"1\", \"id\": \"2\", \"event\": {}}", "malformed_json", null),
                Arguments.of("duplicate key inside event", "{\"id\": \"1\", \"event\": {\"ip\": \"a\", \"ip\": \"b\"}}",
                        "malformed_json", null),
                Arguments.of("a list", "[{\"id\": \"1\", \"event\": {}}]", "invalid_body", null),
                Arguments.of("a string", "\"alert\"", "invalid_body", null),
                Arguments.of("a number", "42", "invalid_body", null),
                Arguments.of("JSON null", "null", "invalid_body", null),
                // missing fields
                Arguments.of("no id", "{\"event\": {}}", "missing_field", "id"),
                Arguments.of("null id", "{\"id\": null, \"event\": {}}", "missing_field", "id"),
                Arguments.of("no event", "{\"id\": \"1\"}", "missing_field", "event"),
                Arguments.of("null event", "{\"id\": \"1\", \"event\": null}", "missing_field", "event"),
                // id
                Arguments.of("id boolean", "{\"id\": true, \"event\": {}}", "invalid_field", "id"),
                Arguments.of("id fraction", "{\"id\": 1.5, \"event\": {}}", "invalid_field", "id"),
                Arguments.of("id object", "{\"id\": {}, \"event\": {}}", "invalid_field", "id"),
                Arguments.of("id empty", "{\"id\": \"\", \"event\": {}}", "invalid_field", "id"),
                Arguments.of("id blank", "{\"id\": \"   \", \"event\": {}}", "invalid_field", "id"),
                Arguments.of("id too long", "{\"id\": \"" + "x".repeat(AlertModel.MAX_ID_LENGTH + 1) + "\", \"event\": {}}", "invalid_field", "id"),
                Arguments.of("id with a control char", "{\"id\": \"a\\u0001b\", \"event\": {}}", "invalid_field", "id"),
                Arguments.of("id with a tab inside", "{\"id\": \"a\\tb\", \"event\": {}}", "invalid_field", "id"),
                // event
                Arguments.of("event string", "{\"id\": \"1\", \"event\": \"x\"}", "invalid_field", "event"),
                Arguments.of("event list", "{\"id\": \"1\", \"event\": []}", "invalid_field", "event"),
                // top-level typed fields
                Arguments.of("strategy_id string", "{\"id\": \"1\", \"strategy_id\": \"41\", \"event\": {}}", "invalid_field", "strategy_id"),
                Arguments.of("strategy_id fraction", "{\"id\": \"1\", \"strategy_id\": 41.5, \"event\": {}}", "invalid_field", "strategy_id"),
                Arguments.of("strategy_id beyond long", "{\"id\": \"1\", \"strategy_id\": 99999999999999999999, \"event\": {}}",
                        "invalid_field", "strategy_id"),
                Arguments.of("alert_name number", "{\"id\": \"1\", \"alert_name\": 5, \"event\": {}}", "invalid_field", "alert_name"),
                Arguments.of("severity 0", "{\"id\": \"1\", \"severity\": 0, \"event\": {}}", "invalid_field", "severity"),
                Arguments.of("severity 4", "{\"id\": \"1\", \"severity\": 4, \"event\": {}}", "invalid_field", "severity"),
                Arguments.of("severity string", "{\"id\": \"1\", \"severity\": \"2\", \"event\": {}}", "invalid_field", "severity"),
                Arguments.of("status unknown", "{\"id\": \"1\", \"status\": \"FIRING\", \"event\": {}}", "invalid_field", "status"),
                Arguments.of("status lower case", "{\"id\": \"1\", \"status\": \"abnormal\", \"event\": {}}", "invalid_field", "status"),
                Arguments.of("status number", "{\"id\": \"1\", \"status\": 1, \"event\": {}}", "invalid_field", "status"),
                // dimensions
                Arguments.of("dimensions object", "{\"id\": \"1\", \"dimensions\": {}, \"event\": {}}", "invalid_field", "dimensions"),
                Arguments.of("dimensions string", "{\"id\": \"1\", \"dimensions\": \"a=b\", \"event\": {}}", "invalid_field", "dimensions"),
                Arguments.of("dimension not an object", "{\"id\": \"1\", \"dimensions\": [1], \"event\": {}}", "invalid_field", "dimensions[0]"),
                Arguments.of("dimension without key", "{\"id\": \"1\", \"dimensions\": [{\"value\": \"x\"}], \"event\": {}}",
                        "invalid_field", "dimensions[0].key"),
                Arguments.of("dimension key number", "{\"id\": \"1\", \"dimensions\": [{\"key\": 1, \"value\": \"x\"}], \"event\": {}}",
                        "invalid_field", "dimensions[0].key"),
                Arguments.of("second dimension value a list",
                        "{\"id\": \"1\", \"dimensions\": [{\"key\": \"a\"}, {\"key\": \"b\", \"value\": [1]}], \"event\": {}}",
                        "invalid_field", "dimensions[1].value"),
                Arguments.of("dimension value an object", "{\"id\": \"1\", \"dimensions\": [{\"key\": \"a\", \"value\": {}}], \"event\": {}}",
                        "invalid_field", "dimensions[0].value"),
                // extra_info
                Arguments.of("extra_info list", "{\"id\": \"1\", \"extra_info\": [], \"event\": {}}", "invalid_field", "extra_info"),
                Arguments.of("extra_info string", "{\"id\": \"1\", \"extra_info\": \"x\", \"event\": {}}", "invalid_field", "extra_info"),
                // event fields
                Arguments.of("event.ip number", "{\"id\": \"1\", \"event\": {\"ip\": 10}}", "invalid_field", "event.ip"),
                Arguments.of("event.ipv6 list", "{\"id\": \"1\", \"event\": {\"ipv6\": []}}", "invalid_field", "event.ipv6"),
                Arguments.of("event.bk_cloud_id non-numeric string", "{\"id\": \"1\", \"event\": {\"bk_cloud_id\": \"abc\"}}",
                        "invalid_field", "event.bk_cloud_id"),
                Arguments.of("event.bk_cloud_id negative string", "{\"id\": \"1\", \"event\": {\"bk_cloud_id\": \"-1\"}}",
                        "invalid_field", "event.bk_cloud_id"),
                Arguments.of("event.bk_cloud_id fraction", "{\"id\": \"1\", \"event\": {\"bk_cloud_id\": 1.5}}",
                        "invalid_field", "event.bk_cloud_id"),
                Arguments.of("event.bk_host_id non-numeric string", "{\"id\": \"1\", \"event\": {\"bk_host_id\": \"host-7\"}}",
                        "invalid_field", "event.bk_host_id"),
                Arguments.of("event.bk_biz_id boolean", "{\"id\": \"1\", \"event\": {\"bk_biz_id\": true}}",
                        "invalid_field", "event.bk_biz_id"));
    }

    @ParameterizedTest(name = "{0} -> {2} {3}")
    @MethodSource("refusals")
    void bad_alert_is_refused_with_400_naming_the_field(String what, String body, String code, String field) {
        BadRequestException e = refusal(body);

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.field()).isEqualTo(field);
        if (field != null) {
            assertThat(e.getMessage()).contains("'" + field + "'");
        }
    }

    @Test
    void null_body_is_refused_as_empty() {
        BadRequestException e = refusal(null);
        assertThat(e.code()).isEqualTo("empty_body");
    }

    @Test
    void duplicate_key_refusal_names_the_key() {
        assertThat(refusal("{\"id\": \"1\", \"id\": \"2\", \"event\": {}}").getMessage()).contains("Duplicate").contains("id");
    }

    private BadRequestException refusal(String body) {
        BadRequestException e = catchThrowableOfType(BadRequestException.class, () -> read(body));
        assertThat(e).as("expected a refusal of %s", body).isNotNull();
        return e;
    }
}
