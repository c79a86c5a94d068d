package io.alertjobbridge.ui;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LatencyHistogramTest {

    /** 100 calls of 1..100 ms in Micrometer's percentile-histogram buckets (cumulative counts). */
    private static TimerReading oneToHundredMs(String outcome) {
        TreeMap<Double, Long> buckets = new TreeMap<>(Map.of(44.739241, 44L, 50.331646, 50L, 55.924051, 55L,
                89.478485, 89L, 111.848106, 100L, 134.217727, 100L));
        return new TimerReading("execute_job_plan", outcome, 100, 5050, 100, buckets);
    }

    @Test
    void quantiles_are_interpolated_inside_their_bucket_like_histogram_quantile() {
        LatencyHistogram h = new LatencyHistogram();
        h.add(oneToHundredMs("ok"));

        assertThat(h.count()).isEqualTo(100);
        assertThat(h.meanMs()).isEqualTo(50.5);
        // rank 50 is the top of the 44.7..50.3 bucket; rank 95 is 6/11 of the way through 89.5..111.8.
        assertThat(h.quantileMs(0.5)).isCloseTo(50.33, within(0.01));
        assertThat(h.quantileMs(0.95)).isCloseTo(89.478485 + (111.848106 - 89.478485) * 6 / 11, within(0.001));
    }

    @Test
    void timers_of_the_same_buckets_add_up() {
        LatencyHistogram h = new LatencyHistogram();
        h.add(oneToHundredMs("ok"));
        h.add(oneToHundredMs("answer_lost"));

        assertThat(h.count()).isEqualTo(200);
        assertThat(h.meanMs()).isEqualTo(50.5);
        assertThat(h.quantileMs(0.5)).isCloseTo(50.33, within(0.01));
        assertThat(h.maxMs()).isEqualTo(100);
    }

    @Test
    void a_rank_above_the_largest_bound_answers_that_bound() {
        LatencyHistogram h = new LatencyHistogram();
        h.add(new TimerReading("a", "ok", 10, 500_000, 60_000, new TreeMap<>(Map.of(30_000.0, 5L))));

        assertThat(h.quantileMs(0.95)).isEqualTo(30_000.0);
    }

    @Test
    void no_call_has_no_mean_and_no_quantile() {
        LatencyHistogram h = new LatencyHistogram();

        assertThat(h.meanMs()).isNull();
        assertThat(h.quantileMs(0.95)).isNull();
        assertThatThrownBy(() -> h.quantileMs(1.5)).hasMessageContaining("1.5");
    }
}
