package io.alertjobbridge.ui;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyHistoryTest {

    private static final long T0 = Instant.parse("2026-03-01T10:00:10Z").toEpochMilli();
    private static final long MINUTE = 60_000;

    private static TimerReading reading(String api, long count, double totalMs, long under100ms) {
        return new TimerReading(api, "ok", count, totalMs, 0, new TreeMap<>(Map.of(100.0, under100ms, 1000.0, count)));
    }

    @Test
    void the_first_reading_is_only_a_baseline_and_later_calls_land_in_the_minute_they_were_seen() {
        LatencyHistory history = new LatencyHistory(60);
        history.record(T0, List.of(reading("get_job_instance_status", 50, 2_500, 50)));
        history.record(T0 + 5_000, List.of(reading("get_job_instance_status", 54, 2_900, 53)));
        history.record(T0 + MINUTE, List.of(reading("get_job_instance_status", 56, 3_900, 53)));

        List<Map<String, Object>> minutes = history.lastMinutes(T0 + MINUTE);

        assertThat(minutes).hasSize(60);
        Map<String, Object> first = minutes.get(58);
        assertThat(first).containsEntry("start", "2026-03-01T10:00:00Z").containsEntry("calls", 4L)
                .containsEntry("mean_ms", 100.0);
        // 3 of the 4 calls under 100 ms: p95 lies in the 100..1000 ms bucket.
        assertThat((Double) first.get("p95_ms")).isBetween(100.0, 1000.0);
        assertThat(minutes.get(59)).containsEntry("calls", 2L).containsEntry("mean_ms", 500.0);
        assertThat(minutes.get(0)).containsEntry("calls", 0L).containsEntry("mean_ms", null).containsEntry("p95_ms", null);
    }

    @Test
    void a_timer_that_appears_after_the_baseline_counts_all_its_calls() {
        LatencyHistory history = new LatencyHistory(60);
        history.record(T0, List.of());
        history.record(T0 + 1_000, List.of(reading("execute_job_plan", 3, 300, 3)));

        assertThat(history.lastMinutes(T0 + 1_000).get(59)).containsEntry("calls", 3L).containsEntry("mean_ms", 100.0);
    }

    @Test
    void a_timer_that_was_created_again_starts_from_zero() {
        LatencyHistory history = new LatencyHistory(60);
        history.record(T0, List.of(reading("execute_job_plan", 10, 1_000, 10)));
        history.record(T0 + 1_000, List.of(reading("execute_job_plan", 2, 40, 2)));

        assertThat(history.lastMinutes(T0 + 1_000).get(59)).containsEntry("calls", 2L).containsEntry("mean_ms", 20.0);
    }

    @Test
    void minutes_older_than_the_window_are_forgotten() {
        LatencyHistory history = new LatencyHistory(60);
        history.record(T0, List.of());
        history.record(T0 + 1_000, List.of(reading("execute_job_plan", 3, 300, 3)));
        history.record(T0 + 61 * MINUTE, List.of(reading("execute_job_plan", 3, 300, 3)));

        assertThat(history.lastMinutes(T0 + 61 * MINUTE)).allSatisfy(m -> assertThat(m).containsEntry("calls", 0L));
    }
}
