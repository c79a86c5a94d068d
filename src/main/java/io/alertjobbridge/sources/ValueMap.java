package io.alertjobbridge.sources;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A custom source's translation of its own words, written in its route as {@code word:value} pairs
 * separated by commas ({@code "Disaster:1, High:1, Average:2"}). Words compare without regard to case.
 * {@value #COMMON} (the template's default) or nothing means the source uses the common words.
 */
final class ValueMap {

    static final String COMMON = "common";

    private ValueMap() {
    }

    /**
     * @param allowed the values a word may map to
     * @throws IllegalArgumentException naming the parameter and the bad pair: the route is misconfigured
     */
    static Map<String, String> parse(String text, String parameter, Set<String> allowed) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank() || text.trim().equals(COMMON)) {
            return out;
        }
        for (String pair : text.split(",")) {
            int colon = pair.lastIndexOf(':');
            String word = colon < 0 ? "" : pair.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = colon < 0 ? "" : pair.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            if (word.isEmpty() || !allowed.contains(value)) {
                throw new IllegalArgumentException("route template parameter " + parameter + ": '" + pair.trim()
                        + "' is not word:value with value one of " + allowed);
            }
            out.put(word, value);
        }
        return Collections.unmodifiableMap(out);
    }
}
