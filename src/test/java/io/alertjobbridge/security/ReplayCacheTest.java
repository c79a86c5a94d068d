package io.alertjobbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplayCacheTest {

    @Test
    void a_signature_is_refused_until_it_expires() {
        ReplayCache cache = new ReplayCache(10);

        assertThat(cache.firstUse("a", 1000, 2000)).isTrue();
        assertThat(cache.firstUse("a", 1500, 2500)).isFalse();
        assertThat(cache.firstUse("a", 2001, 3000)).as("expired: the window check refuses it by then").isTrue();
    }

    @Test
    void when_full_expired_entries_go_first_then_the_oldest() {
        ReplayCache cache = new ReplayCache(2);
        cache.firstUse("a", 0, 100);
        cache.firstUse("b", 0, 1000);

        assertThat(cache.firstUse("c", 500, 1500)).isTrue();
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.firstUse("b", 600, 1600)).as("b was kept").isFalse();
        assertThat(cache.firstUse("d", 700, 1700)).isTrue();
        assertThat(cache.size()).isEqualTo(2);
    }
}
