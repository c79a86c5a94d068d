package io.alertjobbridge.ui;

import java.time.Instant;

/**
 * The last {@code minutes} whole minutes up to and including the one that holds {@code now}, on
 * epoch-minute boundaries (the same for every time zone the page may show them in, since zone offsets
 * are whole minutes).
 */
record MinuteWindow(long firstMinuteStart, int minutes) {

    static final long MINUTE_MS = 60_000L;

    MinuteWindow {
        if (minutes < 1) {
            throw new IllegalArgumentException("a minute window needs at least one minute, got " + minutes);
        }
        if (firstMinuteStart % MINUTE_MS != 0) {
            throw new IllegalArgumentException("a minute window starts on a minute boundary, got " + firstMinuteStart);
        }
    }

    static MinuteWindow endingAt(long nowMs, int minutes) {
        if (minutes < 1) {
            throw new IllegalArgumentException("a minute window needs at least one minute, got " + minutes);
        }
        return new MinuteWindow(minuteStart(nowMs) - (minutes - 1) * MINUTE_MS, minutes);
    }

    /** The start of the minute that holds the instant. */
    static long minuteStart(long epochMs) {
        return Math.floorDiv(epochMs, MINUTE_MS) * MINUTE_MS;
    }

    /** The first instant after the window. */
    long endExclusive() {
        return firstMinuteStart + minutes * MINUTE_MS;
    }

    /** The slot of the instant, or -1 when it falls outside the window. */
    int slotOf(long epochMs) {
        if (epochMs < firstMinuteStart || epochMs >= endExclusive()) {
            return -1;
        }
        return (int) ((epochMs - firstMinuteStart) / MINUTE_MS);
    }

    long slotStart(int slot) {
        return firstMinuteStart + slot * MINUTE_MS;
    }

    static String iso(long epochMs) {
        return Instant.ofEpochMilli(epochMs).toString();
    }
}
