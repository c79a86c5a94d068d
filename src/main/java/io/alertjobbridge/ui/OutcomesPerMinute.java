package io.alertjobbridge.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts per minute of a {@link MinuteWindow}, one series per name (an outcome such as "success",
 * or "received"), filled from rows that the database has already grouped by minute. Minutes with no
 * row count zero, so the page draws every minute of the window.
 */
final class OutcomesPerMinute {

    private final MinuteWindow window;
    private final Map<String, long[]> countsBySeries = new LinkedHashMap<>();

    OutcomesPerMinute(MinuteWindow window, List<String> seriesNames) {
        this.window = window;
        for (String name : seriesNames) {
            countsBySeries.put(name, new long[window.minutes()]);
        }
    }

    /**
     * Adds a count to the minute that holds {@code epochMs}. Rows outside the window are ignored (a
     * row that finished between the query's bounds and now, or a clock step); an unknown series is a bug.
     */
    void add(String series, long epochMs, long count) {
        long[] counts = countsBySeries.get(series);
        if (counts == null) {
            throw new IllegalArgumentException("no series '" + series + "' (known: " + countsBySeries.keySet() + ")");
        }
        int slot = window.slotOf(epochMs);
        if (slot >= 0) {
            counts[slot] += count;
        }
    }

    long count(String series, int slot) {
        return countsBySeries.get(series)[slot];
    }

    long total(String series) {
        long sum = 0;
        for (long c : countsBySeries.get(series)) {
            sum += c;
        }
        return sum;
    }

    /** {"start": ISO minute, series: count, ...} for each minute of the window, oldest first. */
    List<Map<String, Object>> minutes() {
        List<Map<String, Object>> out = new ArrayList<>(window.minutes());
        for (int slot = 0; slot < window.minutes(); slot++) {
            Map<String, Object> minute = new LinkedHashMap<>();
            minute.put("start", MinuteWindow.iso(window.slotStart(slot)));
            for (Map.Entry<String, long[]> e : countsBySeries.entrySet()) {
                minute.put(e.getKey(), e.getValue()[slot]);
            }
            out.add(minute);
        }
        return out;
    }

    Map<String, Object> totals() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String series : countsBySeries.keySet()) {
            out.put(series, total(series));
        }
        return out;
    }
}
