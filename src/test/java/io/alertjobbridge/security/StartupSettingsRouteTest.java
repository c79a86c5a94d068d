package io.alertjobbridge.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.alertjobbridge.support.RunningBridge;
import org.junit.jupiter.api.Test;

/** Inbound security settings that cannot work stop the start, naming the key and never a value. */
class StartupSettingsRouteTest {

    @Test
    void a_typo_in_an_endpoint_key_stops_the_start() {
        assertThatThrownBy(() -> RunningBridge.start(Map.of("bridge.intake.alertmanager.tokne", "x")).close())
                .hasStackTraceContaining("unknown setting bridge.intake.alertmanager.tokne");
    }

    @Test
    void a_scheme_without_its_secret_stops_the_start() {
        assertThatThrownBy(() -> RunningBridge.start(Map.of("bridge.intake.grafana.auth", "grafana-hmac")).close())
                .hasStackTraceContaining("bridge.intake.grafana.hmac-secret");
    }

    @Test
    void an_empty_token_stops_the_start() {
        assertThatThrownBy(() -> RunningBridge.start(Map.of("bridge.intake.token", "")).close())
                .hasStackTraceContaining("bridge.intake.token");
    }
}
