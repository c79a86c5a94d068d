package io.alertjobbridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertContextFactoryTest {

    @Test
    void exposes_alert_event_alias_strategy_target_host_and_action() {
        Map<String, Object> alert = Alerts.parse(Alerts.ALERT_B);
        Map<String, Object> action = Alerts.action();

        Map<String, Object> context = AlertContextFactory.build(alert, action);

        assertThat(context).containsOnlyKeys("alert", "event", "strategy", "target", "action");
        assertThat(context.get("alert")).isSameAs(alert);
        assertThat(context.get("event")).isSameAs(alert);
        assertThat(context.get("action")).isSameAs(action);
        assertThat(context.get("strategy")).isEqualTo(Map.of("id", 52, "name", "Disk usage", "bk_biz_id", 2));
        assertThat(context.get("target"))
                .isEqualTo(Map.of("host", Map.of("bk_host_id", 2207, "bk_cloud_id", 2, "bk_host_innerip", "172.16.8.4")));
    }

    @Test
    void strategy_falls_back_to_the_alert_strategy_id() {
        Map<String, Object> context = AlertContextFactory.build(Alerts.parse(Alerts.ALERT_D), Alerts.action());

        assertThat(context.get("strategy")).isEqualTo(Map.of("id", 77));
    }

    @Test
    void missing_event_fields_are_left_out_so_they_render_empty() {
        Map<String, Object> context = AlertContextFactory.build(Map.of("id", "1"), Map.of());

        assertThat(context.get("target")).isEqualTo(Map.of("host", Map.of()));
        assertThat(context.get("strategy")).isEqualTo(Map.of());
    }

    @Test
    void context_cannot_be_changed() {
        Map<String, Object> context = AlertContextFactory.build(Alerts.parse(Alerts.ALERT_A), Alerts.action());

        assertThatThrownBy(() -> context.put("alert", Map.of())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void alert_and_action_are_required() {
        assertThatThrownBy(() -> AlertContextFactory.build(null, Map.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AlertContextFactory.build(Map.of(), null)).isInstanceOf(NullPointerException.class);
    }
}
