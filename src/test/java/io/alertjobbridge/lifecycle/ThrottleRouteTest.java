package io.alertjobbridge.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertjobbridge.support.Alerts;
import io.alertjobbridge.support.RunningBridge;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** 200 actions at once against a budget of 50 Job API calls per second. */
class ThrottleRouteTest {

    private static final int LIMIT = 50;
    private static final int ACTIONS = 200;
    private static RunningBridge bridge;

    @BeforeAll
    static void start() throws Exception {
        bridge = RunningBridge.start(Map.of(
                "bridge.actions.dir", "src/test/resources/test-actions",
                "bridge.job.max-calls-per-second", String.valueOf(LIMIT),
                "bridge.job.poll-interval-ms", "1000",
                "bridge.simulator.job-duration-ms", "300"));
    }

    @AfterAll
    static void stop() throws Exception {
        bridge.close();
    }

    @Test
    void two_hundred_simultaneous_actions_never_exceed_the_per_second_budget() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<String>> posted = new ArrayList<>();
        for (int i = 0; i < ACTIONS; i++) {
            posted.add(pool.submit(() -> bridge.postAlert(Alerts.named(Alerts.uniqueId(), "plain-run-throttled", "10.0.7.1"))
                    .path("actions").get(0).path("id").asText()));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> f : posted) {
            ids.add(f.get());
        }
        pool.shutdown();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                bridge.getJson("/api/v1/actions?status=success&limit=1000").path("actions").size() == ACTIONS);

        JsonNode perSecond = bridge.simulatorCalls().path("calls_per_second");
        int busiest = 0;
        int total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = perSecond.fields(); it.hasNext(); ) {
            int n = it.next().getValue().asInt();
            busiest = Math.max(busiest, n);
            total += n;
        }
        assertThat(busiest).as("most calls Job saw in one second").isLessThanOrEqualTo(LIMIT);
        assertThat(busiest).as("the budget is used while work waits").isGreaterThanOrEqualTo(LIMIT * 8 / 10);
        assertThat(total).isGreaterThanOrEqualTo(ACTIONS * 4);
        assertThat(bridge.getJson("/api/v1/actions/" + ids.get(0)).path("status").asText()).isEqualTo("success");
    }
}
