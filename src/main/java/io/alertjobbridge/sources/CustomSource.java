package io.alertjobbridge.sources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertjobbridge.intake.BadRequestException;
import io.alertjobbridge.intake.ValidAlert;
import io.alertjobbridge.mapping.IpLiterals;

/**
 * Builds the alert of a custom source (an instance of the {@code custom-alert-source} route template)
 * from the values its JsonPath expressions took out of the request. The values are checked as strictly
 * as bk-monitor's: an id of printable characters, IP literals, integer ids, a known severity and
 * status; labels and annotations are maps of single values, or lists of {key|tag|name, value} objects
 * (bk-monitor's dimensions, Zabbix's tags). The whole request is kept as {@code extra_info.<source>}.
 */
public final class CustomSource {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
    private static final Set<String> SEVERITY_VALUES = Set.of("1", "2", "3");
    private static final Set<String> STATUS_VALUES = Set.of("abnormal", "recovered", "closed", "firing", "resolved");
    private static final Map<String, String> STATUS_WORDS = Map.ofEntries(
            Map.entry("abnormal", "ABNORMAL"), Map.entry("firing", "ABNORMAL"), Map.entry("problem", "ABNORMAL"),
            Map.entry("alerting", "ABNORMAL"), Map.entry("alarm", "ABNORMAL"), Map.entry("triggered", "ABNORMAL"),
            Map.entry("recovered", "RECOVERED"), Map.entry("resolved", "RECOVERED"), Map.entry("ok", "RECOVERED"),
            Map.entry("normal", "RECOVERED"), Map.entry("closed", "CLOSED"));

    private final ObjectMapper json;
    private final Map<String, Map<String, String>> parsedMaps = new ConcurrentHashMap<>();

    public CustomSource(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param severityMap the route's {@code word:level} pairs, or empty for the common words ({@link Severities})
     * @param statusMap   the route's {@code word:signal} pairs, or empty for the common words
     * @param payload     the request as plain maps and lists, kept in {@code extra_info.<source>}
     */
    public ValidAlert read(String source, CustomAlertFields f, String severityMap, String statusMap, Object payload) {
        Object rawId = single(f.id(), "id");
        if (rawId == null || text(rawId, "id").isBlank()) {
            throw new BadRequestException(400, "missing_field", "id", "field 'id' is required: the " + source
                    + " source's id expression found nothing in the request");
        }
        String id = AlertIds.check(text(rawId, "id"), "id");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("ip", ip(f.ip(), "ip", false));
        event.put("ipv6", ip(f.ipv6(), "ipv6", true));
        event.put("bk_cloud_id", integerOrEmpty(f.cloudId(), "bk_cloud_id"));
        event.put("bk_host_id", integerOrEmpty(f.hostId(), "bk_host_id"));
        event.put("bk_biz_id", integerOrEmpty(f.bizId(), "bk_biz_id"));
        Object strategy = integerOrEmpty(f.strategyId(), "strategy_id");
        AlertModel model = AlertModel.of(source).id(id)
                .alertName(optionalText(f.alertName(), "alert_name"))
                .strategyId(strategy instanceof Long l ? l : null)
                .severity(severity(f.severity(), severityMap))
                .status(status(f.status(), statusMap))
                .labels(pairs(f.labels(), "labels"))
                .event(event)
                .extra(source, payload);
        if (f.annotations() != null) {
            model.annotations(pairs(f.annotations(), "annotations"));
        }
        return model.build(json);
    }

    private Integer severity(Object raw, String severityMap) {
        String word = optionalText(raw, "severity");
        if (word == null || word.isBlank()) {
            return null;
        }
        Map<String, String> own = parsedMaps.computeIfAbsent("severity|" + severityMap,
                k -> ValueMap.parse(severityMap, "severityMap", SEVERITY_VALUES));
        String mapped = own.get(word.trim().toLowerCase(Locale.ROOT));
        Integer level = mapped != null ? Integer.valueOf(mapped) : own.isEmpty() ? Severities.of(word) : null;
        if (level == null) {
            throw BadRequestException.invalidField("severity", "'" + abbreviated(word) + "' names no severity"
                    + (own.isEmpty() ? " (1-3, fatal, critical, warning, info, ...)" : " of this source's severityMap"));
        }
        return level;
    }

    private String status(Object raw, String statusMap) {
        String word = optionalText(raw, "status");
        if (word == null || word.isBlank()) {
            return "ABNORMAL";
        }
        Map<String, String> own = parsedMaps.computeIfAbsent("status|" + statusMap,
                k -> ValueMap.parse(statusMap, "statusMap", STATUS_VALUES));
        String key = word.trim().toLowerCase(Locale.ROOT);
        String status = STATUS_WORDS.get(own.getOrDefault(key, own.isEmpty() ? key : ""));
        if (status == null) {
            throw BadRequestException.invalidField("status", "'" + abbreviated(word) + "' names no status"
                    + (own.isEmpty() ? " (abnormal, firing, problem, recovered, resolved, ok, closed)"
                    : " of this source's statusMap"));
        }
        return status;
    }

    /** A map of single values, or a list of {key|tag|name, value} objects, as ordered text pairs. */
    private static Map<String, String> pairs(Object raw, String field) {
        Object value = raw;
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        if (value instanceof Map<?, ?> map && !isPair(map)) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(String.valueOf(e.getKey()), text(e.getValue(), field + "." + e.getKey()));
            }
            return out;
        }
        List<?> list = value instanceof List<?> l ? l : List.of(value);
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> pair) || !isPair(pair)) {
                throw BadRequestException.invalidField(field + "[" + i + "]", "must be an object with key (or tag, or"
                        + " name) and value");
            }
            Object key = pair.containsKey("key") ? pair.get("key") : pair.containsKey("tag") ? pair.get("tag") : pair.get("name");
            out.put(text(key, field + "[" + i + "].key"), text(pair.get("value"), field + "[" + i + "].value"));
        }
        return out;
    }

    private static boolean isPair(Map<?, ?> map) {
        return map.size() <= 2 && map.containsKey("value")
                && (map.containsKey("key") || map.containsKey("tag") || map.containsKey("name"));
    }

    private static String ip(Object raw, String field, boolean v6) {
        String text = optionalText(raw, field);
        if (text == null || text.isBlank()) {
            return "";
        }
        String ip = v6 ? IpLiterals.canonicalIpv6(text.trim()) : IpLiterals.canonicalIpv4(text.trim());
        if (ip == null) {
            throw BadRequestException.invalidField(field, "must be an " + (v6 ? "IPv6" : "IPv4") + " address, got '"
                    + abbreviated(text) + "'");
        }
        return ip;
    }

    private static Object integerOrEmpty(Object raw, String field) {
        String text = optionalText(raw, field);
        if (text == null || text.isBlank()) {
            return "";
        }
        if (!DIGITS.matcher(text.trim()).matches()) {
            throw BadRequestException.invalidField(field, "must be a non-negative integer, got '" + abbreviated(text) + "'");
        }
        return Long.parseLong(text.trim());
    }

    private static String optionalText(Object raw, String field) {
        Object v = single(raw, field);
        return v == null ? null : text(v, field);
    }

    /** JsonPath gives a list for a filter; one item is that item. */
    private static Object single(Object raw, String field) {
        if (raw instanceof List<?> list) {
            if (list.isEmpty()) {
                return null;
            }
            if (list.size() > 1) {
                throw BadRequestException.invalidField(field, "must be a single value, the expression found "
                        + list.size());
            }
            return list.get(0);
        }
        return raw;
    }

    private static String text(Object v, String field) {
        if (v == null) {
            return "";
        }
        if (v instanceof Map || v instanceof List) {
            throw BadRequestException.invalidField(field, "must be a single value, not " + (v instanceof Map ? "an object" : "a list"));
        }
        if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(v);
    }

    private static String abbreviated(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "..." : s;
    }
}
