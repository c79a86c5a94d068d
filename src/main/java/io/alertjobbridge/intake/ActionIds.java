package io.alertjobbridge.intake;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * New action ids: UUID version 7 (RFC 9562), 48 bits of Unix milliseconds then 74 random bits.
 * Why not {@link UUID#randomUUID()}: it draws from one shared, synchronised SecureRandom, which made
 * the intake threads queue on its lock under load (docs/BENCHMARKS.md, B5), and its random keys land
 * all over the primary-key index, where time-ordered ones append at its end. The id is a name, not a
 * secret (the API lists actions with their ids), so a per-thread random source is enough.
 */
public final class ActionIds {

    private final LongSupplier clock;

    public ActionIds(LongSupplier clock) {
        this.clock = clock;
    }

    public static ActionIds systemClock() {
        return new ActionIds(System::currentTimeMillis);
    }

    public String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = clock.getAsLong() & 0xFFFF_FFFF_FFFFL;
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
