package io.alertjobbridge.ui;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What one Job API timer (one api and outcome) had recorded when it was read: running totals since
 * the timer was created, with its histogram as cumulative counts per bucket upper bound (ms).
 * Subtracting two readings of the same timer gives what happened between them.
 */
record TimerReading(String api, String outcome, long count, double totalMs, double maxMs,
                    NavigableMap<Double, Long> cumulativeBuckets) {

    TimerReading {
        cumulativeBuckets = Collections.unmodifiableNavigableMap(new TreeMap<>(cumulativeBuckets));
    }

    static TimerReading none(String api, String outcome) {
        return new TimerReading(api, outcome, 0, 0, 0, new TreeMap<>());
    }

    String key() {
        return api + "\u0000" + outcome;
    }

    /**
     * The calls since {@code earlier}. A count that went down means the timer was removed and created
     * again; then everything it holds is new. maxMs is not a running total and is left out (0).
     */
    TimerReading since(TimerReading earlier) {
        if (count < earlier.count) {
            return new TimerReading(api, outcome, count, totalMs, 0, cumulativeBuckets);
        }
        NavigableMap<Double, Long> buckets = new TreeMap<>();
        for (Map.Entry<Double, Long> b : cumulativeBuckets.entrySet()) {
            long before = earlier.cumulativeBuckets.getOrDefault(b.getKey(), 0L);
            buckets.put(b.getKey(), Math.max(0, b.getValue() - before));
        }
        return new TimerReading(api, outcome, count - earlier.count, Math.max(0, totalMs - earlier.totalMs), 0, buckets);
    }
}
