package io.alertjobbridge.job;

import java.time.Duration;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;

/**
 * Job API calls by API and outcome, with their latency, in the Micrometer registry that
 * /observe/metrics exposes. The registry is created by Camel after the beans are wired, so it is
 * looked up on first use; until it exists nothing is recorded.
 */
public final class JobApiMetrics {

    public static final String CALLS = "bridge.job.api.calls";

    private final CamelContext context;
    private volatile MeterRegistry registry;

    public JobApiMetrics(CamelContext context) {
        this.context = context;
    }

    public void record(JobApi api, JobAnswer.Kind outcome, long nanos) {
        MeterRegistry r = registry();
        if (r == null) {
            return;
        }
        Timer.builder(CALLS)
                .description("Job API calls by API and outcome")
                .tag("api", api.path())
                .tag("outcome", outcome.name().toLowerCase())
                .publishPercentileHistogram()
                .register(r)
                .record(Duration.ofNanos(nanos));
    }

    private MeterRegistry registry() {
        MeterRegistry r = registry;
        if (r == null) {
            Set<MeterRegistry> found = context.getRegistry().findByType(MeterRegistry.class);
            if (!found.isEmpty()) {
                r = found.iterator().next();
                registry = r;
            }
        }
        return r;
    }
}
