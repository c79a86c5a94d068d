package io.alertjobbridge.sources;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.alertjobbridge.mapping.IpLiterals;

/**
 * The host of a label-based alert (Alertmanager, Grafana), as bk-monitor's event fields: {@code ip}
 * from the {@code ip} or {@code bk_target_ip} label, else from the host part of {@code instance}
 * when it is an IP literal ("10.0.0.7:9100", "[fd00::7]:9100"); {@code ipv6} likewise; the ids from
 * {@code bk_cloud_id} (or {@code bk_target_cloud_id}), {@code bk_host_id} and {@code bk_biz_id} labels
 * of digits. What is not known is "", as bk-monitor sends it for a host-less alert. Names are never
 * resolved: a host name in {@code instance} gives no IP.
 */
final class HostLabels {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

    private HostLabels() {
    }

    static Map<String, Object> event(Map<String, String> labels) {
        String ip = firstIpv4(labels.get("ip"), labels.get("bk_target_ip"), instanceHost(labels.get("instance")));
        String ipv6 = firstIpv6(labels.get("ipv6"), labels.get("bk_target_ipv6"), instanceHost(labels.get("instance")));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("ip", ip == null ? "" : ip);
        event.put("ipv6", ipv6 == null ? "" : ipv6);
        event.put("bk_cloud_id", number(labels.containsKey("bk_cloud_id") ? labels.get("bk_cloud_id")
                : labels.get("bk_target_cloud_id")));
        event.put("bk_host_id", number(labels.get("bk_host_id")));
        event.put("bk_biz_id", number(labels.get("bk_biz_id")));
        return event;
    }

    /** "10.0.0.7:9100" -> "10.0.0.7", "[fd00::7]:9100" -> "fd00::7", "fd00::7" -> itself. */
    static String instanceHost(String instance) {
        if (instance == null || instance.isEmpty()) {
            return null;
        }
        if (instance.startsWith("[")) {
            int close = instance.indexOf(']');
            return close > 0 ? instance.substring(1, close) : null;
        }
        int colon = instance.indexOf(':');
        if (colon >= 0 && instance.indexOf(':', colon + 1) < 0) {
            return instance.substring(0, colon);
        }
        return instance;
    }

    private static String firstIpv4(String... candidates) {
        for (String c : candidates) {
            String ip = c == null ? null : IpLiterals.canonicalIpv4(c.trim());
            if (ip != null) {
                return ip;
            }
        }
        return null;
    }

    private static String firstIpv6(String... candidates) {
        for (String c : candidates) {
            String ip = c == null ? null : IpLiterals.canonicalIpv6(c.trim());
            if (ip != null) {
                return ip;
            }
        }
        return null;
    }

    private static Object number(String value) {
        return value != null && DIGITS.matcher(value.trim()).matches() ? Long.parseLong(value.trim()) : "";
    }
}
