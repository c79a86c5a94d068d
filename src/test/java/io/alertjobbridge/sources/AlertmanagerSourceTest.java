package io.alertjobbridge.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertjobbridge.intake.BadRequestException;
import io.alertjobbridge.intake.BoundedJson;
import io.alertjobbridge.intake.IntakeLimits;
import io.alertjobbridge.intake.ValidAlert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AlertmanagerSourceTest {

    private final BoundedJson json = new BoundedJson(IntakeLimits.defaults());
    private final AlertmanagerSource source = new AlertmanagerSource(new ObjectMapper());

    private List<ValidAlert> read(String body) {
        return source.read(json.parse(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void the_peers_example_becomes_one_alert_of_the_model() {
        ValidAlert a = read(SenderPayloads.ALERTMANAGER).get(0);

        assertThat(a.source()).isEqualTo("alertmanager");
        assertThat(a.id()).isEqualTo("alertmanager:5e1f3a9c2b7d4e60:2025-03-01T10:00:00Z");
        Map<String, Object> d = a.document();
        assertThat(d).containsEntry("id", "5e1f3a9c2b7d4e60:2025-03-01T10:00:00Z").containsEntry("source", "alertmanager")
                .containsEntry("alert_name", "DiskFull").containsEntry("severity", 1).containsEntry("status", "ABNORMAL")
                .containsEntry("begin_time", 1_740_823_200L);
        assertThat(d.get("labels")).isEqualTo(Map.of("alertname", "DiskFull", "env", "prod", "severity", "critical",
                "instance", "10.0.0.7:9100", "mountpoint", "/data"));
        assertThat(d.get("annotations")).isEqualTo(Map.of("summary", "Disk almost full", "runbook", "clean-logs"));
        assertThat(d.get("event")).isEqualTo(Map.of("ip", "10.0.0.7", "ipv6", "", "bk_cloud_id", "", "bk_host_id", "",
                "bk_biz_id", ""));
        @SuppressWarnings("unchecked")
        Map<String, Object> extra = (Map<String, Object>) ((Map<String, Object>) d.get("extra_info")).get("alertmanager");
        assertThat(extra).containsEntry("fingerprint", "5e1f3a9c2b7d4e60").containsEntry("receiver", "remediation-bridge")
                .containsEntry("endsAt", "0001-01-01T00:00:00Z").containsKey("groupKey").containsKey("generatorURL");
        assertThat(a.subject().signal()).isEqualTo("abnormal");
        assertThat(a.subject().labels()).containsEntry("instance", "10.0.0.7:9100");
        assertThat(a.subject().dimensions()).contains(Map.entry("mountpoint", "/data"));
        assertThat(a.json()).startsWith("{\"id\":\"5e1f3a9c2b7d4e60:2025-03-01T10:00:00Z\",\"source\":\"alertmanager\"");
    }

    @Test
    void a_resolved_alert_is_the_same_alert_with_the_recovered_signal_and_its_own_stored_id() {
        ValidAlert firing = read(SenderPayloads.alertmanagerGroup(1, 1, "firing")).get(0);
        ValidAlert resolved = read(SenderPayloads.alertmanagerGroup(1, 1, "resolved")).get(0);

        assertThat(resolved.document().get("id")).isEqualTo(firing.document().get("id"));
        assertThat(resolved.subject().signal()).isEqualTo("recovered");
        assertThat(resolved.document()).containsEntry("status", "RECOVERED");
        assertThat(resolved.id()).isEqualTo(firing.id() + ":recovered");
    }

    @Test
    void every_alert_of_a_group_is_one_alert() {
        List<ValidAlert> alerts = read(SenderPayloads.alertmanagerGroup(2, 50, "firing"));

        assertThat(alerts).hasSize(50);
        assertThat(alerts.stream().map(ValidAlert::id).distinct()).hasSize(50);
        assertThat(alerts.get(49).document().get("event")).isEqualTo(Map.of("ip", "10.2.0.51", "ipv6", "",
                "bk_cloud_id", "", "bk_host_id", "", "bk_biz_id", ""));
    }

    @Test
    void the_host_comes_from_labels_without_ever_resolving_a_name() {
        assertThat(eventOf("\"instance\": \"[fd00::7]:9100\"")).containsEntry("ip", "").containsEntry("ipv6", "fd00::7");
        assertThat(eventOf("\"instance\": \"web-3:9100\"")).containsEntry("ip", "").containsEntry("ipv6", "");
        assertThat(eventOf("\"instance\": \"web-3:9100\", \"ip\": \"10.1.1.1\", \"bk_cloud_id\": \"2\","
                + " \"bk_host_id\": \"77\", \"bk_biz_id\": \"3\"")).containsEntry("ip", "10.1.1.1")
                .containsEntry("bk_cloud_id", 2L).containsEntry("bk_host_id", 77L).containsEntry("bk_biz_id", 3L);
        assertThat(eventOf("\"bk_target_ip\": \"10.9.9.9\", \"bk_cloud_id\": \"x\"")).containsEntry("ip", "10.9.9.9")
                .containsEntry("bk_cloud_id", "");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> eventOf(String labels) {
        return (Map<String, Object>) read(group("{\"status\": \"firing\", \"labels\": {" + labels + "},"
                + " \"startsAt\": \"2025-03-01T10:00:00Z\", \"fingerprint\": \"ab\"}")).get(0).document().get("event");
    }

    @Test
    void severity_words_become_bk_monitor_levels() {
        assertThat(severityOf("critical")).isEqualTo(1);
        assertThat(severityOf("Warning")).isEqualTo(2);
        assertThat(severityOf("info")).isEqualTo(3);
        assertThat(severityOf("whatever")).isNull();
    }

    private Integer severityOf(String severity) {
        return read(group("{\"status\": \"firing\", \"labels\": {\"severity\": \"" + severity + "\"},"
                + " \"startsAt\": \"2025-03-01T10:00:00Z\", \"fingerprint\": \"ab\"}")).get(0).subject().severity();
    }

    @Test
    void the_same_instant_written_two_ways_is_the_same_alert() {
        String a = read(group("{\"status\": \"firing\", \"labels\": {}, \"startsAt\": \"2025-03-01T18:00:00+08:00\","
                + " \"fingerprint\": \"AB\"}")).get(0).id();
        String b = read(group("{\"status\": \"firing\", \"labels\": {}, \"startsAt\": \"2025-03-01T10:00:00.000Z\","
                + " \"fingerprint\": \"ab\"}")).get(0).id();
        assertThat(a).isEqualTo(b);
    }

    private static String group(String... alerts) {
        return "{\"version\": \"4\", \"status\": \"firing\", \"alerts\": [" + String.join(",", alerts) + "]}";
    }

    private static final String OK = "{\"status\": \"firing\", \"labels\": {}, \"startsAt\": \"2025-03-01T10:00:00Z\", \"fingerprint\": \"ab\"}";

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("a list", "[]", "invalid_body", null),
                Arguments.of("Grafana's version", "{\"version\": \"1\", \"alerts\": [" + OK + "]}", "invalid_field", "version"),
                Arguments.of("version a number", "{\"version\": 4, \"alerts\": [" + OK + "]}", "invalid_field", "version"),
                Arguments.of("no alerts", "{\"version\": \"4\"}", "missing_field", "alerts"),
                Arguments.of("alerts an object", "{\"alerts\": {}}", "invalid_field", "alerts"),
                Arguments.of("alerts empty", "{\"alerts\": []}", "invalid_field", "alerts"),
                Arguments.of("an alert a string", group("\"x\""), "invalid_field", "alerts[0]"),
                Arguments.of("second alert bad", group(OK, "{}"), "missing_field", "alerts[1].status"),
                Arguments.of("status unknown", group(OK.replace("firing", "pending")), "invalid_field", "alerts[0].status"),
                Arguments.of("no labels", group(OK.replace("\"labels\": {}, ", "")), "missing_field", "alerts[0].labels"),
                Arguments.of("labels a list", group(OK.replace("\"labels\": {}", "\"labels\": []")), "invalid_field", "alerts[0].labels"),
                Arguments.of("label value a number", group(OK.replace("\"labels\": {}", "\"labels\": {\"a\": 1}")),
                        "invalid_field", "alerts[0].labels.a"),
                Arguments.of("annotation value null", group(OK.replace("\"labels\": {}", "\"labels\": {}, \"annotations\": {\"a\": null}")),
                        "invalid_field", "alerts[0].annotations.a"),
                Arguments.of("no startsAt", group(OK.replace("\"startsAt\": \"2025-03-01T10:00:00Z\", ", "")),
                        "missing_field", "alerts[0].startsAt"),
                Arguments.of("startsAt not a time", group(OK.replace("2025-03-01T10:00:00Z", "yesterday")),
                        "invalid_field", "alerts[0].startsAt"),
                Arguments.of("startsAt a number", group(OK.replace("\"2025-03-01T10:00:00Z\"", "1740823200")),
                        "invalid_field", "alerts[0].startsAt"),
                Arguments.of("endsAt not a time", group(OK.replace("\"labels\": {}", "\"labels\": {}, \"endsAt\": \"never\"")),
                        "invalid_field", "alerts[0].endsAt"),
                Arguments.of("no fingerprint", group(OK.replace(", \"fingerprint\": \"ab\"", "")), "missing_field", "alerts[0].fingerprint"),
                Arguments.of("fingerprint not hex", group(OK.replace("\"ab\"", "\"{{7*7}}\"")), "invalid_field", "alerts[0].fingerprint"),
                Arguments.of("fingerprint too long", group(OK.replace("\"ab\"", "\"" + "a".repeat(33) + "\"")),
                        "invalid_field", "alerts[0].fingerprint"),
                Arguments.of("commonLabels a string", "{\"commonLabels\": \"x\", \"alerts\": [" + OK + "]}", "invalid_field", "commonLabels"),
                Arguments.of("truncatedAlerts negative", "{\"truncatedAlerts\": -1, \"alerts\": [" + OK + "]}",
                        "invalid_field", "truncatedAlerts"),
                Arguments.of("receiver a number", "{\"receiver\": 5, \"alerts\": [" + OK + "]}", "invalid_field", "receiver"));
    }

    @ParameterizedTest(name = "{0} -> {2} {3}")
    @MethodSource("refusals")
    void a_bad_message_is_refused_whole_naming_the_field(String what, String body, String code, String field) {
        BadRequestException e = catchThrowableOfType(BadRequestException.class, () -> read(body));

        assertThat(e).as(what).isNotNull();
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.field()).isEqualTo(field);
    }
}
