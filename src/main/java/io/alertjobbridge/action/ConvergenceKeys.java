package io.alertjobbridge.action;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;


/**
 * The two groups an action belongs to for convergence: its convergence group (the values of the
 * action's convergence dimensions, hashed as bk-monitor does) and its host group (the plan and the
 * target host, for the per-host cap). Pure functions of the action and the alert document.
 */
public final class ConvergenceKeys {

    private ConvergenceKeys() {
    }

    public record Keys(String group, String host) {
    }

    public static Keys of(Convergence c, String actionName, long planId, Map<String, Object> alert) {
        StringBuilder text = new StringBuilder("#").append(c.function().wireName());
        for (String dimension : c.dimensions()) {
            text.append('|').append(dimension).append(':').append(value(dimension, actionName, alert));
        }
        String host = targetHost(alert);
        return new Keys(sha1(text.toString()), host.isEmpty() ? null : planId + "|" + host);
    }

    /** The alerting host: its CMDB id when known, else cloud area and IP, else the instance label. */
    static String targetHost(Map<String, Object> alert) {
        Map<?, ?> event = map(alert.get("event"));
        String hostId = text(event.get("bk_host_id"));
        if (!hostId.isEmpty()) {
            return "host:" + hostId;
        }
        String ip = text(event.get("ip"));
        if (ip.isEmpty()) {
            ip = text(event.get("ipv6"));
        }
        if (!ip.isEmpty()) {
            String cloud = text(event.get("bk_cloud_id"));
            return "ip:" + (cloud.isEmpty() ? "0" : cloud) + ":" + ip;
        }
        String instance = text(map(alert.get("labels")).get("instance"));
        return instance.isEmpty() ? "" : "instance:" + instance;
    }

    static String value(String dimension, String actionName, Map<String, Object> alert) {
        if (dimension.equals("action")) {
            return actionName;
        }
        if (dimension.equals("target_host")) {
            return targetHost(alert);
        }
        if (dimension.startsWith("labels.")) {
            return text(map(alert.get("labels")).get(dimension.substring("labels.".length())));
        }
        if (dimension.startsWith("dimensions.")) {
            String key = dimension.substring("dimensions.".length());
            Object dims = alert.get("dimensions");
            if (dims instanceof List<?> list) {
                for (Object d : list) {
                    Map<?, ?> m = map(d);
                    if (key.equals(text(m.get("key")))) {
                        return text(m.get("value"));
                    }
                }
            }
            return "";
        }
        return text(alert.get(dimension));
    }

    private static Map<?, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    private static String text(Object o) {
        return o == null ? "" : String.valueOf(o).trim();
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JVM", e);
        }
    }
}
