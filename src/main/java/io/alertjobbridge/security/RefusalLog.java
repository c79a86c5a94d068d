package io.alertjobbridge.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Says when a refused request should be logged: the first refusal of an endpoint and reason, then at
 * most one line a minute with the count of those in between, so a flood of bad requests cannot flood
 * the log too.
 */
final class RefusalLog {

    static final long QUIET_MILLIS = 60_000;

    private record Key(String endpoint, Verdict verdict) {
    }

    private static final class Window {
        volatile long loggedAt;
        final AtomicLong suppressed = new AtomicLong();
    }

    private final Map<Key, Window> windows = new ConcurrentHashMap<>();

    /** -1: do not log; otherwise log now, with this many refusals left unlogged since the last line. */
    long record(String endpoint, Verdict verdict, long nowMillis) {
        Window w = windows.computeIfAbsent(new Key(endpoint, verdict), k -> {
            Window fresh = new Window();
            fresh.loggedAt = Long.MIN_VALUE;
            return fresh;
        });
        synchronized (w) {
            if (w.loggedAt != Long.MIN_VALUE && nowMillis - w.loggedAt < QUIET_MILLIS) {
                w.suppressed.incrementAndGet();
                return -1;
            }
            w.loggedAt = nowMillis;
            return w.suppressed.getAndSet(0);
        }
    }
}
