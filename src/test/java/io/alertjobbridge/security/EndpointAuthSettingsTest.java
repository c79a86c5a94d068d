package io.alertjobbridge.security;

import static io.alertjobbridge.security.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EndpointAuthSettingsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_740_823_200L), ZoneOffset.UTC);
    private final Map<String, String> props = new HashMap<>(Map.of(
            "bridge.intake.auth", "token",
            "bridge.intake.token", "shared-token",
            "bridge.intake.signature-header", "X-Bridge-Signature",
            "bridge.intake.timestamp-header", "X-Bridge-Timestamp",
            "bridge.intake.grafana-signature-header", "X-Grafana-Alerting-Signature",
            "bridge.intake.replay-window-seconds", "300"));

    private EndpointAuth build(String endpoint) {
        return new EndpointAuthSettings(props::get, CLOCK).build(endpoint);
    }

    @Test
    void by_default_every_endpoint_takes_the_shared_token() {
        EndpointAuth auth = build("alertmanager");

        assertThat(auth.schemes()).containsExactly("token");
        assertThat(auth.check(request("{}", "Authorization", "Bearer shared-token"))).isEqualTo(Verdict.ADMITTED);
        assertThat(auth.check(request("{}"))).isEqualTo(Verdict.MISSING);
    }

    @Test
    void an_endpoint_key_overrides_the_shared_one() {
        props.put("bridge.intake.grafana.token", "grafana-token");

        assertThat(build("grafana").check(request("{}", "Authorization", "Bearer shared-token"))).isEqualTo(Verdict.WRONG);
        assertThat(build("grafana").check(request("{}", "Authorization", "Bearer grafana-token"))).isEqualTo(Verdict.ADMITTED);
        assertThat(build("alertmanager").check(request("{}", "Authorization", "Bearer shared-token")))
                .isEqualTo(Verdict.ADMITTED);
    }

    @Test
    void any_one_of_several_schemes_admits() {
        props.put("bridge.intake.alertmanager.auth", "basic, token");
        props.put("bridge.intake.alertmanager.basic-username", "alertmanager");
        props.put("bridge.intake.alertmanager.basic-password", "s3cr3t");
        EndpointAuth auth = build("alertmanager");

        assertThat(auth.schemes()).containsExactly("basic", "token");
        assertThat(auth.check(request("{}", "Authorization", "Basic YWxlcnRtYW5hZ2VyOnMzY3IzdA=="))).isEqualTo(Verdict.ADMITTED);
        assertThat(auth.check(request("{}", "Authorization", "Bearer shared-token"))).isEqualTo(Verdict.ADMITTED);
        assertThat(auth.check(request("{}", "Authorization", "Bearer other"))).as("the telling refusal").isEqualTo(Verdict.WRONG);
    }

    @Test
    void grafana_hmac_uses_grafanas_header_by_default() {
        props.put("bridge.intake.grafana.auth", "grafana-hmac");
        props.put("bridge.intake.grafana.hmac-secret", "secret");

        assertThat(build("grafana").check(request("test message", "X-Grafana-Alerting-Signature",
                "3bcebf43c85d20bba6e3b6ba278af1d2ba3ab0d57de271b0ad30b833e851c5a6"))).isEqualTo(Verdict.ADMITTED);
    }

    @Test
    void none_opens_the_endpoint() {
        props.put("bridge.intake.preview.auth", "none");

        assertThat(build("preview").isOpen()).isTrue();
        assertThat(build("preview").check(request("{}"))).isEqualTo(Verdict.ADMITTED);
    }

    @Test
    void a_scheme_without_its_secret_stops_the_start_naming_the_keys_and_no_value() {
        props.put("bridge.intake.grafana.auth", "hmac");
        props.put("bridge.intake.token", "shared-token");

        assertThatThrownBy(() -> build("grafana")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bridge.intake.grafana.hmac-secret").hasMessageContaining("bridge.intake.hmac-secret")
                .hasMessageNotContaining("shared-token");
        props.put("bridge.intake.token", "");
        assertThatThrownBy(() -> build("bk-monitor")).hasMessageContaining("bridge.intake.bk-monitor.token");
    }

    @Test
    void bad_settings_are_refused() {
        props.put("bridge.intake.auth", "token,kerberos");
        assertThatThrownBy(() -> build("x")).hasMessageContaining("'kerberos'");
        props.put("bridge.intake.auth", "none,token");
        assertThatThrownBy(() -> build("x")).hasMessageContaining("none cannot be combined");
        props.put("bridge.intake.auth", "hmac");
        props.put("bridge.intake.hmac-secret", "k");
        props.put("bridge.intake.replay-window-seconds", "0");
        assertThatThrownBy(() -> build("x")).hasMessageContaining("bridge.intake.x.replay-window-seconds");
        assertThatThrownBy(() -> build("Bad_Name")).hasMessageContaining("'Bad_Name'");
    }

    @Test
    void validation_builds_every_endpoint_named_in_a_key_and_refuses_unknown_keys() {
        props.put("bridge.intake.zabbix.auth", "basic");
        InboundSecurity security = new InboundSecurity(new EndpointAuthSettings(props::get, CLOCK));

        assertThatThrownBy(() -> security.validate(List.of("bk-monitor"), props.keySet()))
                .hasMessageContaining("endpoint zabbix takes basic credentials");
        props.put("bridge.intake.zabbix.basic-username", "z");
        props.put("bridge.intake.zabbix.basic-password", "p");
        security.validate(List.of("bk-monitor"), props.keySet());
        assertThat(security.endpoints()).containsOnlyKeys("bk-monitor", "zabbix");

        props.put("bridge.intake.zabbix.tokne", "typo");
        assertThatThrownBy(() -> security.validate(List.of(), props.keySet()))
                .hasMessageContaining("unknown setting bridge.intake.zabbix.tokne");
    }
}
