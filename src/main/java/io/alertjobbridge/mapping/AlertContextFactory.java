package io.alertjobbridge.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the variables a template sees for one alert and one action, named as in bk-monitor
 * (bk-monitor-job-action.md section 2.3) so existing action packages keep working:
 * <ul>
 * <li>{@code alert}: the alert document as given ({@code alert.event.*}, {@code alert.dimensions}, ...);</li>
 * <li>{@code event}: the same object again, as bk-monitor aliases it;</li>
 * <li>{@code strategy}: {@code alert.extra_info.strategy} when the alert carries that snapshot, else
 *     {@code {id: alert.strategy_id}};</li>
 * <li>{@code target.host}: {@code bk_host_id}, {@code bk_cloud_id} and {@code bk_host_innerip} taken from
 *     {@code alert.event.bk_host_id}, {@code .bk_cloud_id} and {@code .ip}. bk-monitor looks the host up
 *     in the CMDB; the event fields are what it looks up by, so the default host template
 *     {@code {{target.host.bk_cloud_id}}:{{target.host.bk_host_innerip}}} renders the same host;</li>
 * <li>{@code action}: the action description given by the caller.</li>
 * </ul>
 * Missing fields are simply absent, and absent names render empty. The alert is not copied: templates
 * cannot change it (see {@link SandboxBeanResolver}).
 */
public final class AlertContextFactory {

    private AlertContextFactory() {
    }

    /**
     * @param alert  the bk-monitor alert document as parsed JSON
     * @param action describes the action (at least its name, plan id and bk_biz_id), exposed as {@code action}
     */
    public static Map<String, Object> build(Map<String, Object> alert, Map<String, Object> action) {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(action, "action");
        Map<?, ?> event = mapOrEmpty(alert.get("event"));

        Map<String, Object> host = new LinkedHashMap<>(4);
        putIfPresent(host, "bk_host_id", event.get("bk_host_id"));
        putIfPresent(host, "bk_cloud_id", event.get("bk_cloud_id"));
        putIfPresent(host, "bk_host_innerip", event.get("ip"));

        Map<String, Object> context = new LinkedHashMap<>(8);
        context.put("alert", alert);
        context.put("event", alert);
        context.put("strategy", strategyOf(alert));
        context.put("target", Map.of("host", Collections.unmodifiableMap(host)));
        context.put("action", action);
        return Collections.unmodifiableMap(context);
    }

    private static Map<?, ?> strategyOf(Map<String, Object> alert) {
        if (mapOrEmpty(alert.get("extra_info")).get("strategy") instanceof Map<?, ?> snapshot) {
            return snapshot;
        }
        Map<String, Object> strategy = new LinkedHashMap<>(2);
        putIfPresent(strategy, "id", alert.get("strategy_id"));
        return Collections.unmodifiableMap(strategy);
    }

    private static Map<?, ?> mapOrEmpty(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
