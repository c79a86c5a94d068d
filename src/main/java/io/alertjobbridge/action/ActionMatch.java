package io.alertjobbridge.action;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which alerts an action fires for. Every condition given must hold; an absent condition holds
 * for any alert. {@code signals} defaults to abnormal only, as bk-monitor binds job actions to the
 * abnormal signal: a recovered or closed alert does not run a remediation plan unless asked to.
 * {@code dimensions} tests the alert's dimension list and {@code labels} its label map; every source
 * fills both with the same pairs, so the two read the same for all of them.
 */
public record ActionMatch(
        Set<String> sources,
        Set<Long> strategyIds,
        Pattern alertName,
        Set<Integer> severities,
        Map<String, LabelCondition> dimensions,
        Map<String, LabelCondition> labels,
        Set<String> signals) {

    public static final Set<String> DEFAULT_SIGNALS = Set.of("abnormal");

    /** The bk-monitor match block of before: strategies, name, severities, dimension equality, signals. */
    public ActionMatch(Set<Long> strategyIds, Pattern alertName, Set<Integer> severities, Map<String, String> dimensions,
                       Set<String> signals) {
        this(Set.of(), strategyIds, alertName, severities, equalities(dimensions), Map.of(), signals);
    }

    /** The alert fields the match reads, taken from the alert in the model. */
    public record Subject(String source, Long strategyId, String alertName, Integer severity, String signal,
                          List<Map.Entry<String, String>> dimensions, Map<String, String> labels) {

        /** A bk-monitor alert of no named source, its labels the dimensions. */
        public Subject(Long strategyId, String alertName, Integer severity, String signal,
                       List<Map.Entry<String, String>> dimensions) {
            this(null, strategyId, alertName, severity, signal, dimensions, labelsOf(dimensions));
        }

        /** Every value the dimension list has under the key, in order. */
        List<String> dimensionValues(String key) {
            List<String> values = new ArrayList<>(1);
            for (Map.Entry<String, String> d : dimensions) {
                if (d.getKey().equals(key)) {
                    values.add(d.getValue());
                }
            }
            return values;
        }

        List<String> labelValues(String key) {
            String v = labels.get(key);
            return v == null ? List.of() : List.of(v);
        }

        /** Labels of a dimension list: each key once, its first value (as bk-monitor reads dimensions). */
        public static Map<String, String> labelsOf(List<Map.Entry<String, String>> dimensions) {
            Map<String, String> labels = new LinkedHashMap<>();
            for (Map.Entry<String, String> d : dimensions) {
                labels.putIfAbsent(d.getKey(), d.getValue());
            }
            return Collections.unmodifiableMap(labels);
        }
    }

    public boolean matches(Subject alert) {
        if (!sources.isEmpty() && (alert.source() == null || !sources.contains(alert.source()))) {
            return false;
        }
        if (!strategyIds.isEmpty() && (alert.strategyId() == null || !strategyIds.contains(alert.strategyId()))) {
            return false;
        }
        if (alertName != null && (alert.alertName() == null || !alertName.matcher(alert.alertName()).find())) {
            return false;
        }
        if (!severities.isEmpty() && (alert.severity() == null || !severities.contains(alert.severity()))) {
            return false;
        }
        if (!signals.contains(alert.signal())) {
            return false;
        }
        for (Map.Entry<String, LabelCondition> c : dimensions.entrySet()) {
            if (!c.getValue().holds(alert.dimensionValues(c.getKey()))) {
                return false;
            }
        }
        for (Map.Entry<String, LabelCondition> c : labels.entrySet()) {
            if (!c.getValue().holds(alert.labelValues(c.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, LabelCondition> equalities(Map<String, String> values) {
        Map<String, LabelCondition> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, LabelCondition.equalsTo(v)));
        return Collections.unmodifiableMap(out);
    }
}
