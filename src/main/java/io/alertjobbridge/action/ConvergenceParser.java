package io.alertjobbridge.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an action file's {@code converge} block:
 * <pre>
 * converge:
 *   function: skip_when_success   # or skip_when_proceed, wait_when_proceed, skip_when_exceed
 *   timedelta: 600                # seconds
 *   count: 1                      # skip_when_exceed: how many may run within timedelta
 *   dimensions: [action, target_host]   # also alert_name, strategy_id, bk_biz_id, severity, source,
 *                                       # labels.&lt;key&gt;, dimensions.&lt;key&gt;
 *   max_running_per_host: 1       # cap on this plan's actions running on one host; more wait
 * </pre>
 * Absent: no convergence and no cap.
 */
final class ConvergenceParser {

    static final Set<String> KEYS = Set.of("function", "timedelta", "count", "dimensions", "max_running_per_host");
    private static final Set<String> PLAIN_DIMENSIONS = Set.of("action", "target_host", "alert_name", "strategy_id",
            "bk_biz_id", "severity", "source");
    private static final Pattern KEYED_DIMENSION = Pattern.compile("(labels|dimensions)\\.[A-Za-z0-9_.\\-]{1,100}");

    private ConvergenceParser() {
    }

    static Convergence parse(String source, Map<String, Object> raw) {
        if (raw == null) {
            return Convergence.NONE;
        }
        for (Object key : raw.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new ActionConfigException(source + ": unknown key 'converge." + key + "' (allowed: "
                        + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        Convergence.Function function = Convergence.Function.NONE;
        Object f = raw.get("function");
        if (f != null) {
            try {
                function = Convergence.Function.parse(String.valueOf(f));
            } catch (IllegalArgumentException e) {
                throw new ActionConfigException(source + ": converge.function must be skip_when_success,"
                        + " skip_when_proceed, wait_when_proceed or skip_when_exceed, got '" + f + "'");
            }
        }
        int timedelta = positiveInt(source, "timedelta", raw.get("timedelta"), Convergence.DEFAULT_TIMEDELTA_SECONDS);
        int count = positiveInt(source, "count", raw.get("count"), 1);
        int cap = raw.get("max_running_per_host") == null ? Convergence.NO_CAP
                : positiveInt(source, "max_running_per_host", raw.get("max_running_per_host"), 1);
        List<String> dimensions = new ArrayList<>();
        Object dims = raw.get("dimensions");
        if (dims == null) {
            dimensions.addAll(Convergence.DEFAULT_DIMENSIONS);
        } else if (dims instanceof List<?> list && !list.isEmpty()) {
            for (Object d : list) {
                String name = String.valueOf(d);
                if (!PLAIN_DIMENSIONS.contains(name) && !KEYED_DIMENSION.matcher(name).matches()) {
                    throw new ActionConfigException(source + ": converge.dimensions has unknown dimension '" + name
                            + "' (use " + String.join(", ", PLAIN_DIMENSIONS.stream().sorted().toList())
                            + ", labels.<key> or dimensions.<key>)");
                }
                dimensions.add(name);
            }
        } else {
            throw new ActionConfigException(source + ": converge.dimensions must be a non-empty list");
        }
        return new Convergence(function, timedelta, count, List.copyOf(dimensions), cap);
    }

    private static int positiveInt(String source, String key, Object value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer n && n > 0) {
            return n;
        }
        throw new ActionConfigException(source + ": converge." + key + " must be a positive integer, got '" + value + "'");
    }
}
