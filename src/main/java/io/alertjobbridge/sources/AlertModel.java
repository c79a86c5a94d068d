package io.alertjobbridge.sources;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertjobbridge.action.ActionMatch;
import io.alertjobbridge.intake.ValidAlert;

/**
 * The one alert model every source produces, so that actions, matching and templates read the same
 * for all: bk-monitor's alert document ({@code id, alert_name, strategy_id, severity, status,
 * dimensions, event{ip, ipv6, bk_cloud_id, bk_host_id, bk_biz_id}, extra_info}) plus {@code source},
 * {@code labels} (a key to value map) and, where the source has them, {@code annotations}. Dimensions
 * and labels carry the same pairs: a source that has a dimension list gets labels from it (each key's
 * first value), one that has labels gets a dimension list from them.
 *
 * <p>The stored alert id keys duplicate detection. It is the source's own id for bk-monitor and
 * {@code <source>:<id>} for the others, so two sources cannot collide, with {@code :recovered} or
 * {@code :closed} appended for those signals: a recovery is a new delivery of the same alert, and
 * must reach the actions that ask for it rather than be taken for a resend of the firing one.
 */
public final class AlertModel {

    /** Longest id a source may give; with the source prefix and signal suffix it fits the 128-character key. */
    public static final int MAX_ID_LENGTH = 92;
    /** The order of the model's own fields in the stored document. */
    private static final List<String> ORDER = List.of("id", "source", "alert_name", "strategy_id", "severity", "status",
            "begin_time", "dimensions", "labels", "annotations", "event", "extra_info");

    private final String source;
    private final Map<String, Object> document;
    private String id;
    private String status = "ABNORMAL";
    private List<Map.Entry<String, String>> dimensions;
    private Map<String, String> labels;

    private AlertModel(String source, Map<String, Object> given) {
        this.source = source;
        this.document = given;
    }

    /** A new alert of the source, its document built field by field. */
    public static AlertModel of(String source) {
        return new AlertModel(source, new LinkedHashMap<>());
    }

    /** An alert whose document is given whole (bk-monitor's), every field of it kept. */
    public static AlertModel from(String source, Map<String, Object> document) {
        return new AlertModel(source, new LinkedHashMap<>(document));
    }

    public String source() {
        return source;
    }

    /** The source's own id, already checked with {@link AlertIds}. */
    public AlertModel id(String nativeId) {
        this.id = nativeId;
        document.put("id", nativeId);
        return this;
    }

    public AlertModel alertName(String name) {
        putOrRemove("alert_name", name);
        return this;
    }

    public AlertModel strategyId(Long strategyId) {
        putOrRemove("strategy_id", strategyId);
        return this;
    }

    /** 1 fatal, 2 warning, 3 remind; null when the source gave none. */
    public AlertModel severity(Integer severity) {
        putOrRemove("severity", severity);
        return this;
    }

    /** ABNORMAL, RECOVERED or CLOSED. */
    public AlertModel status(String status) {
        this.status = status;
        document.put("status", status);
        return this;
    }

    /** Unix seconds when the alert began. */
    public AlertModel beginTime(Long seconds) {
        putOrRemove("begin_time", seconds);
        return this;
    }

    public AlertModel dimensions(List<Map.Entry<String, String>> pairs) {
        this.dimensions = List.copyOf(pairs);
        return this;
    }

    public AlertModel labels(Map<String, String> labels) {
        this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        return this;
    }

    public AlertModel annotations(Map<String, String> annotations) {
        document.put("annotations", new LinkedHashMap<>(annotations));
        return this;
    }

    /** The event fields the templates and host lists read; a value given here replaces the document's. */
    public AlertModel event(Map<String, Object> fields) {
        Map<String, Object> event = new LinkedHashMap<>();
        if (document.get("event") instanceof Map<?, ?> given) {
            given.forEach((k, v) -> event.put(String.valueOf(k), v));
        }
        event.putAll(fields);
        document.put("event", event);
        return this;
    }

    /** {@code extra_info.<key>}: what the source has beyond the model, for templates that need it. */
    public AlertModel extra(String key, Object value) {
        Map<String, Object> extra = new LinkedHashMap<>();
        if (document.get("extra_info") instanceof Map<?, ?> given) {
            given.forEach((k, v) -> extra.put(String.valueOf(k), v));
        }
        extra.put(key, value);
        document.put("extra_info", extra);
        return this;
    }

    public ValidAlert build(ObjectMapper json) {
        if (id == null) {
            throw new IllegalStateException("an alert of " + source + " was built without an id");
        }
        if (dimensions == null) {
            dimensions = labels == null ? List.of() : pairsOf(labels);
        }
        if (labels == null) {
            labels = ActionMatch.Subject.labelsOf(dimensions);
        }
        document.put("source", source);
        document.putIfAbsent("status", status);
        if (!document.containsKey("event")) {
            event(Map.of());
        }
        document.put("dimensions", dimensionList(dimensions));
        document.put("labels", labels);
        String signal = status.toLowerCase(Locale.ROOT);
        Object name = document.get("alert_name");
        Object strategy = document.get("strategy_id");
        Object severity = document.get("severity");
        ActionMatch.Subject subject = new ActionMatch.Subject(source,
                strategy instanceof Number n ? Long.valueOf(n.longValue()) : null, name instanceof String s ? s : null,
                severity instanceof Number v ? Integer.valueOf(v.intValue()) : null, signal, dimensions, labels);
        Map<String, Object> ordered = ordered(document);
        String text;
        try {
            text = json.writeValueAsString(ordered);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write an alert of " + source + " as JSON", e);
        }
        return new ValidAlert(storedId(source, id, signal), source, Collections.unmodifiableMap(ordered), text, subject);
    }

    /** The id the store keys the alert on (see the class comment). */
    public static String storedId(String source, String nativeId, String signal) {
        String base = BkMonitorSource.NAME.equals(source) ? nativeId : source + ":" + nativeId;
        return "abnormal".equals(signal) ? base : base + ":" + signal;
    }

    /** The model's fields first, in the order of the class comment, then the source's own in the order given. */
    private static Map<String, Object> ordered(Map<String, Object> document) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : ORDER) {
            if (document.containsKey(key)) {
                out.put(key, document.get(key));
            }
        }
        document.forEach(out::putIfAbsent);
        return out;
    }

    private void putOrRemove(String key, Object value) {
        if (value == null) {
            document.remove(key);
        } else {
            document.put(key, value);
        }
    }

    private static List<Map.Entry<String, String>> pairsOf(Map<String, String> labels) {
        List<Map.Entry<String, String>> out = new ArrayList<>(labels.size());
        labels.forEach((k, v) -> out.add(new AbstractMap.SimpleImmutableEntry<>(k, v)));
        return out;
    }

    /**
     * bk-monitor's own dimension objects are kept as given (with display_key and display_value);
     * a source without them gets plain {key, value} objects.
     */
    private List<Object> dimensionList(List<Map.Entry<String, String>> pairs) {
        if (document.get("dimensions") instanceof List<?> given && given.size() == pairs.size()) {
            return new ArrayList<>(given);
        }
        List<Object> out = new ArrayList<>(pairs.size());
        for (Map.Entry<String, String> p : pairs) {
            Map<String, Object> d = new LinkedHashMap<>(2);
            d.put("key", p.getKey());
            d.put("value", p.getValue());
            out.add(d);
        }
        return out;
    }
}
