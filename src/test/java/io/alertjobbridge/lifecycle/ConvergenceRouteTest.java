package io.alertjobbridge.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertjobbridge.support.Alerts;
import io.alertjobbridge.support.RunningBridge;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bk-monitor's convergence rules in the real lifecycle: each test uses its own action (see
 * src/test/resources/test-actions/converge-*.yaml, host-cap.yaml) and its own target host.
 */
@Execution(ExecutionMode.CONCURRENT)
class ConvergenceRouteTest {

    private static RunningBridge bridge;

    @BeforeAll
    static void start() throws Exception {
        bridge = RunningBridge.start(Map.of("bridge.actions.dir", "src/test/resources/test-actions",
                "bridge.simulator.job-duration-ms", "1500"));
    }

    @AfterAll
    static void stop() throws Exception {
        bridge.close();
    }

    private static List<String> post(String action, String ip, int n) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(bridge.postAlert(Alerts.named(Alerts.uniqueId(), action, ip)).path("actions").get(0).path("id").asText());
        }
        return ids;
    }

    private static List<JsonNode> finished(List<String> ids) {
        List<JsonNode> out = new ArrayList<>();
        for (String id : ids) {
            out.add(bridge.awaitFinal(id, Duration.ofSeconds(60)));
        }
        return out;
    }

    private static List<String> statuses(List<JsonNode> actions) {
        return actions.stream().map(a -> a.path("status").asText()).toList();
    }

    @Test
    void skip_when_success_skips_a_repeat_on_the_same_host_after_success() throws Exception {
        JsonNode first = finished(post("converge-skip-when-success", "10.1.0.1", 1)).get(0);
        assertThat(first.path("status").asText()).isEqualTo("success");

        JsonNode repeat = finished(post("converge-skip-when-success", "10.1.0.1", 1)).get(0);
        // The target host is the CMDB host id when the alert has one: another host has another id.
        String otherHostAlert = Alerts.named(Alerts.uniqueId(), "converge-skip-when-success", "10.1.0.2")
                .replace("\"bk_host_id\": 3301", "\"bk_host_id\": 3302");
        JsonNode otherHost = finished(List.of(bridge.postAlert(otherHostAlert).path("actions").get(0).path("id")
                .asText())).get(0);

        assertThat(repeat.path("status").asText()).isEqualTo("skipped");
        assertThat(repeat.path("reason").asText()).contains("skip_when_success").contains(first.path("id").asText());
        assertThat(repeat.path("job_instance_id").isNull()).as("no Job call").isTrue();
        assertThat(otherHost.path("status").asText()).isEqualTo("success");
    }

    @Test
    void skip_when_proceed_skips_what_arrives_while_one_runs() throws Exception {
        List<JsonNode> actions = finished(post("converge-skip-when-proceed", "10.1.1.1", 3));
        assertThat(statuses(actions)).containsExactly("success", "skipped", "skipped");
        assertThat(actions.get(1).path("reason").asText()).contains("skip_when_proceed");
    }

    @Test
    void wait_when_proceed_queues_behind_the_running_one_then_runs() throws Exception {
        List<JsonNode> actions = finished(post("converge-wait-when-proceed", "10.1.2.1", 2));
        assertThat(statuses(actions)).containsExactly("success", "success");
        Instant firstEnded = Instant.parse(actions.get(0).path("finished_at").asText());
        Instant secondStarted = Instant.parse(actions.get(1).path("started_at").asText());
        assertThat(secondStarted).as("the second started after the first ended").isAfterOrEqualTo(firstEnded);
    }

    @Test
    void skip_when_exceed_lets_count_run_within_the_window_and_skips_the_rest() throws Exception {
        List<JsonNode> actions = finished(post("converge-skip-when-exceed", "10.1.3.1", 4));
        assertThat(statuses(actions)).containsExactly("success", "success", "skipped", "skipped");
        assertThat(actions.get(3).path("reason").asText()).contains("skip_when_exceed").contains("limit is 2");
    }

    @Test
    void the_per_host_cap_runs_one_at_a_time_and_skips_none() throws Exception {
        List<JsonNode> actions = finished(post("host-cap", "10.1.4.1", 3));
        assertThat(statuses(actions)).containsOnly("success");
        for (int i = 1; i < actions.size(); i++) {
            Instant previousEnded = Instant.parse(actions.get(i - 1).path("finished_at").asText());
            Instant started = Instant.parse(actions.get(i).path("started_at").asText());
            assertThat(started).isAfterOrEqualTo(previousEnded);
        }
    }
}
