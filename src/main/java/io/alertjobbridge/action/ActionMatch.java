package io.alertjobbridge.action;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which alerts an action fires for. Every condition given must hold; an absent condition holds
 * for any alert. {@code signals} defaults to abnormal only, as bk-monitor binds job actions to the
 * abnormal signal: a recovered or closed alert does not run a remediation plan unless asked to.
 */
public record ActionMatch(
        Set<Long> strategyIds,
        Pattern alertName,
        Set<Integer> severities,
        Map<String, String> dimensions,
        Set<String> signals) {

    public static final Set<String> DEFAULT_SIGNALS = Set.of("abnormal");

    /** The alert fields the match reads, taken from the validated alert. */
    public record Subject(Long strategyId, String alertName, Integer severity, String signal,
                          List<Map.Entry<String, String>> dimensions) {
    }

    public boolean matches(Subject alert) {
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
        for (Map.Entry<String, String> wanted : dimensions.entrySet()) {
            boolean found = alert.dimensions().stream().anyMatch(d -> d.getKey().equals(wanted.getKey())
                    && d.getValue().equals(wanted.getValue()));
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
