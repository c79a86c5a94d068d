package io.alertjobbridge.observe;

import java.time.Instant;
import java.util.Map;

import io.alertjobbridge.job.JobApiReachability;
import io.alertjobbridge.store.Database;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * The bridge's own health checks beside Camel's context and route checks. The database check is
 * part of readiness: without it nothing can be accepted. The Job API check is reported at
 * /observe/health only, neither readiness nor liveness: a Job outage shows as degraded without
 * taking the bridge out of its load balancer, since alerts are still accepted and kept.
 */
public final class BridgeHealthChecks {

    private BridgeHealthChecks() {
    }

    public static AbstractHealthCheck database(Database database) {
        return new AbstractHealthCheck("bridge", "database") {
            @Override
            public boolean isLiveness() {
                return false;
            }

            @Override
            protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
                if (database.isReachable()) {
                    builder.up();
                } else {
                    builder.message("the database does not answer").down();
                }
            }
        };
    }

    public static AbstractHealthCheck jobApi(JobApiReachability reachability) {
        return new AbstractHealthCheck("bridge", "job-api") {
            @Override
            public boolean isReadiness() {
                return false;
            }

            @Override
            public boolean isLiveness() {
                return false;
            }

            @Override
            protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
                long last = reachability.lastAnswerAt();
                builder.detail("last_answer_at", last == 0 ? "none yet" : Instant.ofEpochMilli(last).toString());
                builder.detail("failures_in_row", reachability.failuresInRow());
                if (reachability.reachable()) {
                    builder.up();
                } else {
                    builder.message("Job API unreachable: " + reachability.lastProblem()).down();
                }
            }
        };
    }
}
