package io.alertjobbridge.security;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signatures already used, each kept until its timestamp leaves the replay window (after that the
 * window check refuses it anyway). Bounded: when full, expired entries go first, then the oldest,
 * so a flood of signed requests costs memory up to the bound and no more. Kept in memory, per
 * instance: a replay sent to another instance of a cluster within the window is not caught here
 * (it still creates no second action, since the alert id is stored once).
 */
final class ReplayCache {

    private final int capacity;
    private final LinkedHashMap<String, Long> expiries = new LinkedHashMap<>();

    ReplayCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("replay cache capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Records the signature; false if it was recorded before and has not expired. */
    synchronized boolean firstUse(String signature, long nowMillis, long expiresAtMillis) {
        Long known = expiries.get(signature);
        if (known != null && known >= nowMillis) {
            return false;
        }
        if (expiries.size() >= capacity) {
            dropExpired(nowMillis);
        }
        if (expiries.size() >= capacity) {
            Iterator<String> oldest = expiries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        expiries.put(signature, expiresAtMillis);
        return true;
    }

    synchronized int size() {
        return expiries.size();
    }

    private void dropExpired(long nowMillis) {
        Iterator<Map.Entry<String, Long>> it = expiries.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue() < nowMillis) {
                it.remove();
            }
        }
    }
}
