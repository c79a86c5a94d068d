package io.alertjobbridge.action;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One test of a label or dimension in an action's match block: its value equals a text, its value
 * contains a match of a regular expression (searched, as for alert_name: anchor with ^ and $), or
 * the key is present (exists: true) or absent (exists: false). A dimension list may carry a key
 * more than once; the test holds when any of its values passes.
 */
public record LabelCondition(Kind kind, String text, Pattern pattern) {

    public enum Kind { EQUALS, REGEX, EXISTS, ABSENT }

    public LabelCondition {
        Objects.requireNonNull(kind, "kind");
    }

    public static LabelCondition equalsTo(String value) {
        return new LabelCondition(Kind.EQUALS, Objects.requireNonNull(value, "value"), null);
    }

    public static LabelCondition regex(Pattern pattern) {
        return new LabelCondition(Kind.REGEX, pattern.pattern(), pattern);
    }

    public static LabelCondition exists(boolean present) {
        return new LabelCondition(present ? Kind.EXISTS : Kind.ABSENT, null, null);
    }

    /** Two conditions are the same when they test the same way with the same text (Pattern has no equals). */
    @Override
    public boolean equals(Object o) {
        return o instanceof LabelCondition c && c.kind == kind && Objects.equals(c.text, text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, text);
    }

    /** @param values every value the alert has under the key; empty when it has none */
    public boolean holds(List<String> values) {
        return switch (kind) {
            case EXISTS -> !values.isEmpty();
            case ABSENT -> values.isEmpty();
            case EQUALS -> values.contains(text);
            case REGEX -> values.stream().anyMatch(v -> pattern.matcher(v).find());
        };
    }
}
