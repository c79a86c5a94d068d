package io.alertjobbridge.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobApiLatencyTest {

    private final AtomicLong clock = new AtomicLong(Instant.parse("2026-03-01T10:00:10Z").toEpochMilli());

    private static void call(MeterRegistry registry, String api, String outcome, long ms) {
        // As io.alertjobbridge.job.JobApiMetrics records them.
        Timer.builder(JobApiLatency.TIMER).tag("api", api).tag("outcome", outcome).publishPercentileHistogram()
                .register(registry).record(Duration.ofMillis(ms));
    }

    @Test
    @SuppressWarnings("unchecked")
    void without_a_meter_registry_the_answer_is_empty_series_not_an_error() {
        JobApiLatency latency = new JobApiLatency(Optional::empty, clock::get);
        latency.sample();

        Map<String, Object> answer = latency.lastHour();

        assertThat(answer).containsEntry("available", false);
        assertThat((List<?>) answer.get("apis")).isEmpty();
        assertThat((List<Map<String, Object>>) answer.get("minutes")).hasSize(60)
                .allSatisfy(m -> assertThat(m).containsEntry("calls", 0L).containsEntry("mean_ms", null));
    }

    @Test
    @SuppressWarnings("unchecked")
    void calls_are_summed_per_api_over_outcomes_and_per_minute_from_the_samples() {
        // The registry camel-micrometer-prometheus binds, with its percentile-histogram buckets.
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JobApiLatency latency = new JobApiLatency(() -> Optional.of(registry), clock::get);
        call(registry, "get_job_instance_status", "ok", 10);
        latency.sample();

        clock.addAndGet(5_000);
        call(registry, "execute_job_plan", "ok", 200);
        call(registry, "execute_job_plan", "ok", 400);
        call(registry, "execute_job_plan", "answer_lost", 600);
        call(registry, "get_job_instance_status", "ok", 30);
        Map<String, Object> answer = latency.lastHour();

        assertThat(answer).containsEntry("available", true);
        List<Map<String, Object>> apis = (List<Map<String, Object>>) answer.get("apis");
        assertThat(apis).extracting(a -> a.get("api")).containsExactly("execute_job_plan", "get_job_instance_status");
        Map<String, Object> execute = apis.get(0);
        assertThat(execute).containsEntry("count", 3L).containsEntry("mean_ms", 400.0)
                .containsEntry("outcomes", Map.of("answer_lost", 1L, "ok", 2L));
        assertThat((Double) execute.get("p50_ms")).isBetween(200.0, 600.0);
        assertThat((Double) execute.get("p95_ms")).isBetween(400.0, 700.0);
        assertThat(apis.get(1)).containsEntry("count", 2L).containsEntry("mean_ms", 20.0);

        // The 10 ms call came before the first sample (the baseline); the four after it are this minute's.
        List<Map<String, Object>> minutes = (List<Map<String, Object>>) answer.get("minutes");
        assertThat(minutes.get(59)).containsEntry("start", "2026-03-01T10:00:00Z").containsEntry("calls", 4L)
                .containsEntry("mean_ms", 307.5);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_registry_that_keeps_no_buckets_gives_counts_and_means_but_no_quantiles() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        JobApiLatency latency = new JobApiLatency(() -> Optional.of(registry), clock::get);
        call(registry, "execute_job_plan", "ok", 200);

        Map<String, Object> execute = ((List<Map<String, Object>>) latency.lastHour().get("apis")).get(0);

        assertThat(execute).containsEntry("count", 1L).containsEntry("mean_ms", 200.0)
                .containsEntry("p50_ms", null).containsEntry("p95_ms", null);
    }
}
