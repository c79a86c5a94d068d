package io.alertjobbridge.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;

/**
 * The latency of the bridge's Job API calls, read from the {@value #TIMER} timers (tags api and
 * outcome) that the call-job-api route records: per API since the process started, and per minute
 * over the last hour from readings taken by {@link #sample()}. With no meter registry, or no call
 * yet, the answer is empty series, never an error.
 */
public final class JobApiLatency {

    /** The timer name; the same as io.alertjobbridge.job.JobApiMetrics.CALLS. */
    static final String TIMER = "bridge.job.api.calls";
    static final int WINDOW_MINUTES = 60;

    private final Supplier<Optional<MeterRegistry>> registry;
    private final LongSupplier clock;
    private final LatencyHistory history = new LatencyHistory(WINDOW_MINUTES);

    /** @param registry asked for on each reading: Camel creates the registry after the beans are bound */
    public JobApiLatency(Supplier<Optional<MeterRegistry>> registry, LongSupplier clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Takes a reading of the timers into the per-minute history (called by a timer route and on each request). */
    public void sample() {
        history.record(clock.getAsLong(), readTimers());
    }

    /** GET /api/v1/stats/job-api-latency. */
    public Map<String, Object> lastHour() {
        List<TimerReading> readings = readTimers();
        long now = clock.getAsLong();
        history.record(now, readings);

        Map<String, LatencyHistogram> byApi = new TreeMap<>();
        Map<String, Map<String, Long>> outcomesByApi = new TreeMap<>();
        for (TimerReading r : readings) {
            byApi.computeIfAbsent(r.api(), a -> new LatencyHistogram()).add(r);
            outcomesByApi.computeIfAbsent(r.api(), a -> new TreeMap<>()).merge(r.outcome(), r.count(), Long::sum);
        }
        List<Map<String, Object>> apis = new ArrayList<>();
        for (Map.Entry<String, LatencyHistogram> e : byApi.entrySet()) {
            LatencyHistogram h = e.getValue();
            Map<String, Object> api = new LinkedHashMap<>();
            api.put("api", e.getKey());
            api.put("count", h.count());
            api.put("mean_ms", LatencyHistory.rounded(h.meanMs()));
            api.put("p50_ms", LatencyHistory.rounded(h.quantileMs(0.5)));
            api.put("p95_ms", LatencyHistory.rounded(h.quantileMs(0.95)));
            // Micrometer's max is the largest call of its last few minutes, not of all time.
            api.put("recent_max_ms", LatencyHistory.rounded(h.maxMs()));
            api.put("outcomes", outcomesByApi.get(e.getKey()));
            apis.add(api);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("available", registry.get().isPresent());
        out.put("minute_ms", MinuteWindow.MINUTE_MS);
        out.put("apis", apis);
        out.put("minutes", history.lastMinutes(now));
        return out;
    }

    private List<TimerReading> readTimers() {
        Optional<MeterRegistry> found = registry.get();
        if (found.isEmpty()) {
            return List.of();
        }
        Collection<Timer> timers = found.get().find(TIMER).timers();
        List<TimerReading> readings = new ArrayList<>(timers.size());
        for (Timer t : timers) {
            readings.add(read(t));
        }
        return readings;
    }

    static TimerReading read(Timer timer) {
        HistogramSnapshot s = timer.takeSnapshot();
        NavigableMap<Double, Long> buckets = new TreeMap<>();
        for (CountAtBucket b : s.histogramCounts()) {
            buckets.put(b.bucket(TimeUnit.MILLISECONDS), Math.round(b.count()));
        }
        String api = timer.getId().getTag("api");
        String outcome = timer.getId().getTag("outcome");
        return new TimerReading(api == null ? "unknown" : api, outcome == null ? "unknown" : outcome, s.count(),
                s.total(TimeUnit.MILLISECONDS), s.max(TimeUnit.MILLISECONDS), buckets);
    }
}
