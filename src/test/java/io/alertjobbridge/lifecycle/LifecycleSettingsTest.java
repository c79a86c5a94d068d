package io.alertjobbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifecycleSettingsTest {

    private static LifecycleSettings settings(long initialMs, long maxMs) {
        return new LifecycleSettings(2000, 65536, false, 5, initialMs, maxMs, "https://job.example.com", "admin", 90000);
    }

    @ParameterizedTest(name = "attempt {0} -> {1} ms")
    @CsvSource({"0,1000", "1,1000", "2,2000", "3,4000", "4,8000", "5,16000", "6,30000", "7,30000", "31,30000",
            "100,30000", "2147483647,30000"})
    void backoff_doubles_from_the_initial_delay_and_caps_at_the_maximum(int attempt, long expectedMs) {
        assertThat(settings(1000, 30000).backoffMs(attempt)).isEqualTo(expectedMs);
    }

    @Test
    void backoff_with_equal_initial_and_maximum_is_constant() {
        LifecycleSettings s = settings(5000, 5000);

        assertThat(s.backoffMs(1)).isEqualTo(5000);
        assertThat(s.backoffMs(2)).isEqualTo(5000);
        assertThat(s.backoffMs(40)).isEqualTo(5000);
    }

    @Test
    void backoff_never_overflows_to_a_negative_delay() {
        LifecycleSettings s = settings(Long.MAX_VALUE / 2, Long.MAX_VALUE);

        for (int attempt = 1; attempt <= 64; attempt++) {
            assertThat(s.backoffMs(attempt)).as("attempt %d", attempt).isPositive();
        }
    }
    @Test
    void backoff_never_falls_below_the_initial_delay() {
        // 2^34 + 1 ms shifted by 30 wraps modulo 2^64 to 2^30 ms, which is below the initial delay.
        long initial = (1L << 34) + 1;
        LifecycleSettings s = settings(initial, initial);

        for (int attempt = 1; attempt <= 40; attempt++) {
            assertThat(s.backoffMs(attempt)).as("attempt %d", attempt).isEqualTo(initial);
        }
    }

    @Test
    void job_url_trims_trailing_slashes_of_the_site_url() {
        LifecycleSettings s = new LifecycleSettings(2000, 65536, false, 5, 1000, 30000, "https://job.example.com///", "admin", 90000);

        assertThat(s.siteUrl()).isEqualTo("https://job.example.com");
        assertThat(s.jobUrl(20031)).isEqualTo("https://job.example.com/api_execute/20031");
    }

    @Test
    void job_url_without_trailing_slash_is_unchanged() {
        assertThat(settings(1000, 30000).jobUrl(20031)).isEqualTo("https://job.example.com/api_execute/20031");
    }

    @Test
    void smallest_valid_values_are_accepted() {
        assertThatCode(() -> new LifecycleSettings(100, 1, true, 0, 1, 1, "", "admin", 90000)).doesNotThrowAnyException();
    }

    @Test
    void poll_interval_below_100_ms_is_refused_naming_the_key() {
        assertThatThrownBy(() -> new LifecycleSettings(99, 65536, false, 5, 1000, 30000, "x", "admin", 90000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bridge.job.poll-interval-ms").hasMessageContaining("got 99");
    }

    @Test
    void non_positive_max_log_bytes_is_refused_naming_the_key() {
        assertThatThrownBy(() -> new LifecycleSettings(2000, 0, false, 5, 1000, 30000, "x", "admin", 90000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bridge.job.max-log-bytes").hasMessageContaining("got 0");
    }

    @Test
    void negative_max_retries_is_refused_naming_the_key() {
        assertThatThrownBy(() -> new LifecycleSettings(2000, 65536, false, -1, 1000, 30000, "x", "admin", 90000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bridge.job.max-retries").hasMessageContaining("got -1");
    }

    @Test
    void non_positive_initial_delay_is_refused_naming_the_key() {
        assertThatThrownBy(() -> new LifecycleSettings(2000, 65536, false, 5, 0, 30000, "x", "admin", 90000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bridge.job.retry-initial-delay-ms (0)");
    }

    @Test
    void maximum_delay_below_the_initial_is_refused_naming_both_keys() {
        assertThatThrownBy(() -> new LifecycleSettings(2000, 65536, false, 5, 5000, 4999, "x", "admin", 90000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bridge.job.retry-initial-delay-ms (5000)")
                .hasMessageContaining("bridge.job.retry-max-delay-ms (4999)");
    }
}
