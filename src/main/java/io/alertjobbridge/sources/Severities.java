package io.alertjobbridge.sources;

import java.util.Locale;
import java.util.Map;

/**
 * bk-monitor's severity levels (1 fatal, 2 warning, 3 remind) for the words other monitors use, so
 * that an action's {@code severity: [1]} means the same for every source.
 */
public final class Severities {

    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("1", 1), Map.entry("fatal", 1), Map.entry("critical", 1), Map.entry("page", 1),
            Map.entry("emergency", 1), Map.entry("disaster", 1),
            Map.entry("2", 2), Map.entry("warning", 2), Map.entry("warn", 2), Map.entry("error", 2),
            Map.entry("major", 2), Map.entry("high", 2), Map.entry("average", 2), Map.entry("minor", 2),
            Map.entry("3", 3), Map.entry("remind", 3), Map.entry("info", 3), Map.entry("information", 3),
            Map.entry("notice", 3), Map.entry("low", 3), Map.entry("none", 3));

    private Severities() {
    }

    /** The level for a word (any case) or a digit 1-3, or null when it names none. */
    public static Integer of(String word) {
        return word == null ? null : WORDS.get(word.trim().toLowerCase(Locale.ROOT));
    }
}
