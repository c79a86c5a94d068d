package io.alertjobbridge.observe;

import java.time.Duration;
import java.util.Map;

import io.alertjobbridge.support.Alerts;
import io.alertjobbridge.support.RunningBridge;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an operator scrapes and probes: metrics that match what happened, health during a Job outage. */
class ObservabilityRouteTest {

    @Test
    void metrics_count_finished_actions_and_job_api_calls() throws Exception {
        try (RunningBridge bridge = RunningBridge.start(Map.of("bridge.actions.dir", "src/test/resources/test-actions"))) {
            for (String name : new String[] {"plain-run", "plain-run", "fail-one-host"}) {
                String id = bridge.postAlert(Alerts.named(Alerts.uniqueId(), name, "10.0.4.1")).path("actions").get(0)
                        .path("id").asText();
                bridge.awaitFinal(id, Duration.ofSeconds(30));
            }

            String metrics = bridge.get("/observe/metrics").body();

            assertThat(metrics).contains("bridge_actions_finished_total{action=\"plain-run\",status=\"success\"} 2.0");
            assertThat(metrics).contains("bridge_actions_finished_total{action=\"fail-one-host\",status=\"failure\"} 1.0");
            assertThat(metrics).containsPattern("bridge_job_api_calls_seconds_count\\{api=\"execute_job_plan\",outcome=\"ok\"} 3(\\.0)?\n");
            assertThat(metrics).contains("bridge_actions_in_flight 0.0");
            assertThat(metrics).contains("bridge_job_api_budget_wait_seconds_count");
            assertThat(metrics).contains("bridge_lifecycle_step_lag_seconds_count");
            assertThat(metrics).contains("bridge_alerts_received_total{outcome=\"accepted\",source=\"bk-monitor\"} 3.0");
        }
    }

    @Test
    void a_job_outage_shows_in_health_without_taking_the_bridge_out_of_readiness() throws Exception {
        try (RunningBridge bridge = RunningBridge.start(Map.of("bridge.actions.dir", "src/test/resources/test-actions",
                "bridge.job.max-retries", "20"))) {
            assertThat(bridge.get("/observe/health/ready").statusCode()).isEqualTo(200);
            bridge.injectFault("{\"api\": \"*\", \"http_status\": 503, \"count\": 1000}");
            bridge.postAlert(Alerts.named(Alerts.uniqueId(), "plain-run", "10.0.4.2"));

            await().atMost(Duration.ofSeconds(30)).until(() -> bridge.get("/observe/health").body().contains("job-api")
                    && bridge.get("/observe/health").body().matches("(?s).*\"name\":\"job-api\",\"status\":\"DOWN\".*"));
            assertThat(bridge.get("/observe/health/ready").statusCode()).as("still ready: alerts are accepted").isEqualTo(200);
            assertThat(bridge.get("/observe/health/live").statusCode()).isEqualTo(200);

            bridge.clearFaults();
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    bridge.get("/observe/health").body().matches("(?s).*\"name\":\"job-api\",\"status\":\"UP\".*"));
        }
    }
}
