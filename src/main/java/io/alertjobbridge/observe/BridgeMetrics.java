package io.alertjobbridge.observe;

import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;

/**
 * The bridge's own meters, exposed at /observe/metrics in Prometheus format (names there get the
 * usual suffixes: {@code bridge_actions_finished_total}, {@code bridge_job_api_budget_wait_seconds}).
 * The registry is created by Camel after the beans are wired, so it is found on first use; until
 * then nothing is recorded.
 */
public final class BridgeMetrics {

    private final CamelContext context;
    private volatile MeterRegistry registry;
    private volatile Supplier<Number> inFlight;
    private volatile boolean gaugesBound;

    public BridgeMetrics(CamelContext context) {
        this.context = context;
    }

    /** Actions not final yet, across the cluster (read from the store on each scrape). */
    public void inFlightFrom(Supplier<Number> count) {
        this.inFlight = count;
    }

    public void alertReceived(String source, String outcome) {
        MeterRegistry r = registry();
        if (r != null) {
            Counter.builder("bridge.alerts.received").description("Alerts received, by source and outcome")
                    .tag("source", source).tag("outcome", outcome).register(r).increment();
        }
    }

    public void actionFinished(String status, String action) {
        MeterRegistry r = registry();
        if (r != null) {
            Counter.builder("bridge.actions.finished").description("Actions that reached a final status")
                    .tag("status", status).tag("action", action).register(r).increment();
        }
    }

    /** How long a Job API call waited for a permit of the shared budget. */
    public void budgetWait(long nanos) {
        MeterRegistry r = registry();
        if (r != null) {
            Timer.builder("bridge.job.api.budget.wait").description("Time Job API calls waited for the call budget")
                    .publishPercentileHistogram().register(r).record(Duration.ofNanos(nanos));
        }
    }

    /** How late a lifecycle step (a poll, mostly) ran against the time it was due. */
    public void stepLag(long millis) {
        MeterRegistry r = registry();
        if (r != null) {
            Timer.builder("bridge.lifecycle.step.lag").description("How late lifecycle steps run against their schedule")
                    .publishPercentileHistogram().register(r).record(Duration.ofMillis(Math.max(0, millis)));
        }
    }

    public void deadLetter(String event) {
        MeterRegistry r = registry();
        if (r != null) {
            Counter.builder("bridge.dead.letters").description("Dead letters stored and replayed")
                    .tag("event", event).register(r).increment();
        }
    }

    private MeterRegistry registry() {
        MeterRegistry r = registry;
        if (r == null) {
            Set<MeterRegistry> found = context.getRegistry().findByType(MeterRegistry.class);
            if (found.isEmpty()) {
                return null;
            }
            r = found.iterator().next();
            registry = r;
        }
        if (!gaugesBound && inFlight != null) {
            gaugesBound = true;
            Supplier<Number> count = inFlight;
            Gauge.builder("bridge.actions.in.flight", () -> count.get().doubleValue())
                    .description("Actions accepted and not final yet, across all instances").register(r);
        }
        return r;
    }

    /** Binds the gauges as soon as the registry exists, so a scrape shows them before any event. */
    public void bindGauges() {
        registry();
    }
}
