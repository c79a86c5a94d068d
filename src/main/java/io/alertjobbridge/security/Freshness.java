package io.alertjobbridge.security;

import java.time.Clock;

/**
 * Whether a correctly signed request is fresh: its timestamp within the window of now (either side,
 * for clock skew), and its signature not used before within that window.
 */
final class Freshness {

    private Freshness() {
    }

    static Verdict of(long timestampSeconds, long windowSeconds, Clock clock, ReplayCache seen, String signature) {
        long now = clock.millis();
        long sent = timestampSeconds * 1000;
        long window = windowSeconds * 1000;
        if (Math.abs(now - sent) > window) {
            return Verdict.STALE;
        }
        return seen.firstUse(signature, now, sent + window) ? Verdict.ADMITTED : Verdict.REPLAYED;
    }
}
