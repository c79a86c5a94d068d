package io.alertjobbridge.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ActionMatchTest {

    /** An alert: strategy 41, "Disk usage", severity 2, abnormal, dimensions service=nginx and port=80. */
    private static ActionMatch.Subject alert() {
        return new ActionMatch.Subject(41L, "Disk usage", 2, "abnormal",
                List.of(Map.entry("service", "nginx"), Map.entry("port", "80")));
    }

    private static ActionMatch.Subject bareAlert(String signal) {
        return new ActionMatch.Subject(null, null, null, signal, List.of());
    }

    private static ActionMatch match(Set<Long> strategies, String alertName, Set<Integer> severities,
                                     Map<String, String> dimensions, Set<String> signals) {
        return new ActionMatch(strategies, alertName == null ? null : Pattern.compile(alertName), severities,
                dimensions, signals);
    }

    private static ActionMatch any() {
        return match(Set.of(), null, Set.of(), Map.of(), ActionMatch.DEFAULT_SIGNALS);
    }

    @Test
    void absent_conditions_hold_for_any_abnormal_alert() {
        assertThat(any().matches(alert())).isTrue();
        assertThat(any().matches(bareAlert("abnormal"))).isTrue();
    }

    @Test
    void default_signal_is_abnormal_only() {
        assertThat(any().matches(bareAlert("recovered"))).isFalse();
        assertThat(any().matches(bareAlert("closed"))).isFalse();
    }

    @Test
    void signals_condition_alone() {
        ActionMatch m = match(Set.of(), null, Set.of(), Map.of(), Set.of("recovered", "closed"));

        assertThat(m.matches(bareAlert("recovered"))).isTrue();
        assertThat(m.matches(bareAlert("closed"))).isTrue();
        assertThat(m.matches(bareAlert("abnormal"))).isFalse();
    }

    @Test
    void strategy_condition_alone() {
        ActionMatch m = match(Set.of(41L, 52L), null, Set.of(), Map.of(), ActionMatch.DEFAULT_SIGNALS);

        assertThat(m.matches(alert())).isTrue();
        assertThat(m.matches(new ActionMatch.Subject(42L, "Disk usage", 2, "abnormal", List.of()))).isFalse();
        assertThat(m.matches(bareAlert("abnormal"))).as("alert without a strategy").isFalse();
    }

    @Test
    void alert_name_condition_alone_is_a_regex_search() {
        ActionMatch m = match(Set.of(), "(?i)disk", Set.of(), Map.of(), ActionMatch.DEFAULT_SIGNALS);

        assertThat(m.matches(alert())).isTrue();
        assertThat(m.matches(new ActionMatch.Subject(null, "root DISK full", null, "abnormal", List.of()))).isTrue();
        assertThat(m.matches(new ActionMatch.Subject(null, "CPU usage", null, "abnormal", List.of()))).isFalse();
        assertThat(m.matches(bareAlert("abnormal"))).as("alert without a name").isFalse();
    }

    @Test
    void severity_condition_alone() {
        ActionMatch m = match(Set.of(), null, Set.of(1, 2), Map.of(), ActionMatch.DEFAULT_SIGNALS);

        assertThat(m.matches(alert())).isTrue();
        assertThat(m.matches(new ActionMatch.Subject(null, null, 3, "abnormal", List.of()))).isFalse();
        assertThat(m.matches(bareAlert("abnormal"))).as("alert without a severity").isFalse();
    }

    @Test
    void dimensions_must_all_be_present_with_equal_values() {
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("service", "nginx");
        wanted.put("port", "80");
        ActionMatch m = match(Set.of(), null, Set.of(), wanted, ActionMatch.DEFAULT_SIGNALS);

        assertThat(m.matches(alert())).isTrue();
        assertThat(m.matches(new ActionMatch.Subject(null, null, null, "abnormal",
                List.of(Map.entry("service", "nginx"))))).as("one of two present").isFalse();
        assertThat(m.matches(new ActionMatch.Subject(null, null, null, "abnormal",
                List.of(Map.entry("service", "nginx"), Map.entry("port", "8080"))))).as("other value").isFalse();
        assertThat(m.matches(new ActionMatch.Subject(null, null, null, "abnormal",
                List.of(Map.entry("port", "80"), Map.entry("x", "y"), Map.entry("service", "nginx"))))).as("any order").isTrue();
        assertThat(m.matches(bareAlert("abnormal"))).isFalse();
    }

    @Test
    void combined_conditions_all_must_hold() {
        ActionMatch m = match(Set.of(41L), "(?i)disk", Set.of(2), Map.of("service", "nginx"), Set.of("abnormal"));

        assertThat(m.matches(alert())).isTrue();
        assertThat(m.matches(new ActionMatch.Subject(52L, "Disk usage", 2, "abnormal", alert().dimensions())))
                .as("strategy differs").isFalse();
        assertThat(m.matches(new ActionMatch.Subject(41L, "CPU", 2, "abnormal", alert().dimensions())))
                .as("name differs").isFalse();
        assertThat(m.matches(new ActionMatch.Subject(41L, "Disk usage", 1, "abnormal", alert().dimensions())))
                .as("severity differs").isFalse();
        assertThat(m.matches(new ActionMatch.Subject(41L, "Disk usage", 2, "recovered", alert().dimensions())))
                .as("signal differs").isFalse();
        assertThat(m.matches(new ActionMatch.Subject(41L, "Disk usage", 2, "abnormal", List.of())))
                .as("dimension missing").isFalse();
    }

    @Test
    void catalog_returns_enabled_matching_actions_in_order() {
        ActionConfig a = config("a", true, any());
        ActionConfig b = config("b", false, any());
        ActionConfig c = config("c", true, match(Set.of(99L), null, Set.of(), Map.of(), ActionMatch.DEFAULT_SIGNALS));
        ActionConfig d = config("d", true, any());
        ActionCatalog catalog = new ActionCatalog(List.of(a, b, c, d));

        assertThat(catalog.matching(alert())).extracting(ActionConfig::name).containsExactly("a", "d");
        assertThat(catalog.byName("b")).contains(b);
        assertThat(catalog.byName("zz")).isEmpty();
    }

    private static ActionConfig config(String name, boolean enabled, ActionMatch match) {
        return new ActionConfig(name, "", enabled, 2, 1, Map.of(), 600, match, null, null, name + ".yaml",
                Convergence.NONE, List.of());
    }
    // ---- sources and label operators ---------------------------------------------------------------

    private static ActionMatch.Subject labelled(String source, Map<String, String> labels) {
        List<Map.Entry<String, String>> dims = new java.util.ArrayList<>(labels.entrySet());
        return new ActionMatch.Subject(source, null, "DiskFull", 1, "abnormal", dims, labels);
    }

    private static ActionMatch labels(Map<String, LabelCondition> conditions) {
        return new ActionMatch(Set.of(), Set.of(), null, Set.of(), Map.of(), conditions, ActionMatch.DEFAULT_SIGNALS);
    }

    @Test
    void source_condition_holds_only_for_the_named_sources() {
        ActionMatch m = new ActionMatch(Set.of("alertmanager", "grafana"), Set.of(), null, Set.of(), Map.of(), Map.of(),
                ActionMatch.DEFAULT_SIGNALS);

        assertThat(m.matches(labelled("alertmanager", Map.of()))).isTrue();
        assertThat(m.matches(labelled("grafana", Map.of()))).isTrue();
        assertThat(m.matches(labelled("bk-monitor", Map.of()))).isFalse();
        assertThat(m.matches(labelled(null, Map.of()))).isFalse();
    }

    @Test
    void label_equals() {
        ActionMatch m = labels(Map.of("team", LabelCondition.equalsTo("ops")));

        assertThat(m.matches(labelled("x", Map.of("team", "ops")))).isTrue();
        assertThat(m.matches(labelled("x", Map.of("team", "ops2")))).isFalse();
        assertThat(m.matches(labelled("x", Map.of("team", "OPS")))).as("case matters").isFalse();
        assertThat(m.matches(labelled("x", Map.of()))).isFalse();
    }

    @Test
    void label_regex_is_searched() {
        ActionMatch m = labels(Map.of("instance", LabelCondition.regex(Pattern.compile("^10\\."))));

        assertThat(m.matches(labelled("x", Map.of("instance", "10.0.0.7:9100")))).isTrue();
        assertThat(m.matches(labelled("x", Map.of("instance", "192.10.0.7:9100")))).isFalse();
        assertThat(m.matches(labelled("x", Map.of()))).isFalse();
        assertThat(labels(Map.of("instance", LabelCondition.regex(Pattern.compile(":9100"))))
                .matches(labelled("x", Map.of("instance", "10.0.0.7:9100")))).as("unanchored: found anywhere").isTrue();
    }

    @Test
    void label_exists_and_absent() {
        ActionMatch present = labels(Map.of("pod", LabelCondition.exists(true)));
        ActionMatch absent = labels(Map.of("pod", LabelCondition.exists(false)));

        assertThat(present.matches(labelled("x", Map.of("pod", "")))).as("an empty value exists").isTrue();
        assertThat(present.matches(labelled("x", Map.of()))).isFalse();
        assertThat(absent.matches(labelled("x", Map.of()))).isTrue();
        assertThat(absent.matches(labelled("x", Map.of("pod", "a")))).isFalse();
    }

    @Test
    void every_label_condition_must_hold() {
        ActionMatch m = labels(Map.of("team", LabelCondition.equalsTo("ops"), "pod", LabelCondition.exists(true)));

        assertThat(m.matches(labelled("x", Map.of("team", "ops", "pod", "p")))).isTrue();
        assertThat(m.matches(labelled("x", Map.of("team", "ops")))).isFalse();
    }

    @Test
    void dimension_conditions_hold_when_any_value_of_a_repeated_key_passes() {
        ActionMatch m = new ActionMatch(Set.of(), Set.of(), null, Set.of(),
                Map.of("ip", LabelCondition.regex(Pattern.compile("^10\\.0\\.0\\.2$"))), Map.of(), ActionMatch.DEFAULT_SIGNALS);
        List<Map.Entry<String, String>> dims = List.of(Map.entry("ip", "10.0.0.1"), Map.entry("ip", "10.0.0.2"));

        assertThat(m.matches(new ActionMatch.Subject(null, null, null, "abnormal", dims))).isTrue();
        assertThat(labels(Map.of("ip", LabelCondition.equalsTo("10.0.0.2")))
                .matches(new ActionMatch.Subject(null, null, null, "abnormal", dims)))
                .as("labels hold each key's first value").isFalse();
    }
}
