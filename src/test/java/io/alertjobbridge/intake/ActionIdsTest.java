package io.alertjobbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ActionIdsTest {

    @Test
    void ids_are_version_7_uuids_carrying_the_time_they_were_made() {
        long at = 1_795_680_559_843L;
        UUID id = UUID.fromString(new ActionIds(() -> at).next());

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at);
    }

    @Test
    void ids_made_later_sort_after_earlier_ones_as_text() {
        AtomicLong clock = new AtomicLong(1_795_680_559_843L);
        ActionIds ids = new ActionIds(clock::get);
        String earlier = ids.next();
        clock.incrementAndGet();

        assertThat(ids.next()).isGreaterThan(earlier);
    }

    @Test
    void ids_made_in_the_same_millisecond_do_not_collide() {
        ActionIds ids = new ActionIds(() -> 1_795_680_559_843L);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(ids.next());
        }

        assertThat(seen).hasSize(100_000);
    }
}
