package io.alertjobbridge.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Job API calls per minute, made from readings of running totals. Each reading is compared with the
 * previous one of the same timer, and the difference is put in the minute the reading was taken:
 * a call lands in the minute it was seen, at most one sampling period late. The first reading the
 * process ever takes only sets the baseline: when those calls were made is not known. Only the
 * last {@code minutes} minutes are kept; nothing survives a restart.
 */
final class LatencyHistory {

    private final int minutes;
    private final Map<String, TimerReading> previous = new HashMap<>();
    private final TreeMap<Long, LatencyHistogram> byMinute = new TreeMap<>();
    private boolean baselineTaken;

    LatencyHistory(int minutes) {
        if (minutes < 1) {
            throw new IllegalArgumentException("the latency history keeps at least one minute, got " + minutes);
        }
        this.minutes = minutes;
    }

    /** Adds what happened since the previous reading to the minute of {@code nowMs}. */
    synchronized void record(long nowMs, Collection<TimerReading> readings) {
        long minute = MinuteWindow.minuteStart(nowMs);
        for (TimerReading r : readings) {
            TimerReading before = previous.put(r.key(), r);
            if (before == null && !baselineTaken) {
                continue;
            }
            // A timer first seen after the baseline was created since the previous reading: all its calls are new.
            TimerReading delta = r.since(before == null ? TimerReading.none(r.api(), r.outcome()) : before);
            if (delta.count() > 0) {
                byMinute.computeIfAbsent(minute, m -> new LatencyHistogram()).add(delta);
            }
        }
        baselineTaken = true;
        byMinute.headMap(MinuteWindow.endingAt(nowMs, minutes).firstMinuteStart()).clear();
    }

    /** One entry per minute of the window ending at {@code nowMs}: start, calls, mean_ms, p95_ms (null with no call). */
    synchronized List<Map<String, Object>> lastMinutes(long nowMs) {
        MinuteWindow window = MinuteWindow.endingAt(nowMs, minutes);
        List<Map<String, Object>> out = new ArrayList<>(minutes);
        for (int slot = 0; slot < minutes; slot++) {
            long start = window.slotStart(slot);
            LatencyHistogram h = byMinute.get(start);
            Map<String, Object> minute = new LinkedHashMap<>();
            minute.put("start", MinuteWindow.iso(start));
            minute.put("calls", h == null ? 0L : h.count());
            minute.put("mean_ms", h == null ? null : rounded(h.meanMs()));
            minute.put("p95_ms", h == null ? null : rounded(h.quantileMs(0.95)));
            out.add(minute);
        }
        return out;
    }

    /** Milliseconds to one decimal: the buckets are not finer than that. */
    static Double rounded(Double ms) {
        return ms == null ? null : Math.round(ms * 10) / 10.0;
    }
}
