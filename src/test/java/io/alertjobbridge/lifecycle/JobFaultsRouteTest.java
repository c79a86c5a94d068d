package io.alertjobbridge.lifecycle;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertjobbridge.support.Alerts;
import io.alertjobbridge.support.RunningBridge;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Job misbehaving: server errors, rate limits, lost answers and an API that stays down. Faults are
 * injected into the simulator, which is shared by the whole bridge, so these tests run one at a time.
 */
class JobFaultsRouteTest {

    private static RunningBridge bridge;

    @BeforeAll
    static void start() throws Exception {
        bridge = RunningBridge.start(Map.of(
                "bridge.actions.dir", "src/test/resources/test-actions",
                "bridge.job.max-retries", "3"));
    }

    @AfterAll
    static void stop() throws Exception {
        bridge.close();
    }

    @AfterEach
    void clearFaults() throws Exception {
        bridge.clearFaults();
    }

    private static String launch() throws Exception {
        JsonNode accepted = bridge.postAlert(Alerts.named(Alerts.uniqueId(), "plain-run", "10.0.6.1"));
        return accepted.path("actions").get(0).path("id").asText();
    }

    private static int executeCalls() throws Exception {
        return bridge.simulatorCalls().path("calls_by_api").path("execute_job_plan").asInt();
    }

    @Test
    void server_errors_on_polls_are_retried_and_the_action_still_succeeds() throws Exception {
        bridge.injectFault("{\"api\": \"get_job_instance_status\", \"http_status\": 503, \"count\": 3}");
        int pollsBefore = bridge.simulatorCalls().path("calls_by_api").path("get_job_instance_status").asInt();

        JsonNode action = bridge.awaitFinal(launch(), Duration.ofSeconds(30));

        assertThat(action.path("status").asText()).isEqualTo("success");
        int polls = bridge.simulatorCalls().path("calls_by_api").path("get_job_instance_status").asInt() - pollsBefore;
        assertThat(polls).isGreaterThanOrEqualTo(4);
    }

    @Test
    void rate_limited_launch_backs_off_and_then_runs_once() throws Exception {
        bridge.injectFault("{\"api\": \"execute_job_plan\", \"http_status\": 429, \"count\": 2}");
        int before = executeCalls();

        JsonNode action = bridge.awaitFinal(launch(), Duration.ofSeconds(30));

        assertThat(action.path("status").asText()).isEqualTo("success");
        assertThat(executeCalls() - before).isEqualTo(3);
        assertThat(action.path("job_instance_id").asLong()).isPositive();
    }

    @Test
    void a_lost_execute_answer_leaves_an_unstarted_orphan_and_the_plan_runs_once() throws Exception {
        // Instances the other tests of this class created are left out by id, not by time: a test that
        // ended a few milliseconds ago would otherwise count here.
        List<Long> earlier = instancesOfPlan(1000043L, System.currentTimeMillis() - 600_000).stream().map(i -> i.path("job_instance_id").asLong()).toList();
        bridge.injectFault("{\"api\": \"execute_job_plan\", \"drop_after_acting\": true, \"count\": 1}");

        JsonNode action = bridge.awaitFinal(launch(), Duration.ofSeconds(30));

        assertThat(action.path("status").asText()).isEqualTo("success");
        List<JsonNode> instances = instancesOfPlan(1000043L, System.currentTimeMillis() - 600_000).stream()
                .filter(i -> !earlier.contains(i.path("job_instance_id").asLong())).toList();
        assertThat(instances).hasSize(2);
        long ran = instances.stream().filter(i -> i.path("status").asInt() != 1).count();
        assertThat(ran).as("instances that were started").isEqualTo(1);
        assertThat(instances.stream().filter(i -> i.path("status").asInt() != 1).findFirst().orElseThrow()
                .path("job_instance_id").asLong()).isEqualTo(action.path("job_instance_id").asLong());
    }

    @Test
    void job_down_past_the_retry_budget_dead_letters_the_action_and_replay_finishes_it() throws Exception {
        bridge.injectFault("{\"api\": \"operate_job_instance\", \"http_status\": 502, \"count\": 50}");
        String id = launch();

        JsonNode failed = bridge.awaitFinal(id, Duration.ofSeconds(30));
        assertThat(failed.path("status").asText()).isEqualTo("failure");
        assertThat(failed.path("reason").asText()).startsWith("dead letter").contains("operate_job_instance");

        JsonNode letter = null;
        for (JsonNode d : bridge.getJson("/api/v1/dead-letters").path("dead_letters")) {
            if (id.equals(d.path("action_id").asText())) {
                letter = d;
            }
        }
        assertThat(letter).as("dead letter of action " + id).isNotNull();
        assertThat(letter.path("status").asText()).isEqualTo("stored");
        assertThat(letter.path("action_status").asText()).isEqualTo("created");
        assertThat(letter.path("route_id").asText()).isNotBlank();
        assertThat(letter.path("body").asText()).isEqualTo(id);

        clearFaults();
        HttpResponse<String> replay = bridge.post("/api/v1/dead-letters/" + letter.path("id").asText() + "/replay", "");
        assertThat(replay.statusCode()).isEqualTo(202);
        assertThat(RunningBridge.JSON.readTree(replay.body()).path("status").asText()).isEqualTo("replayed");

        JsonNode replayed = bridge.awaitFinal(id, Duration.ofSeconds(30));
        assertThat(replayed.path("status").asText()).isEqualTo("success");
        assertThat(bridge.post("/api/v1/dead-letters/" + letter.path("id").asText() + "/replay", "").statusCode())
                .isEqualTo(409);
    }

    /** Job instances of one plan created since {@code from}, read from the simulator's get_job_instance_list. */
    private static List<JsonNode> instancesOfPlan(long planId, long from) throws Exception {
        String body = """
                {"bk_app_code": "alert-job-bridge", "bk_app_secret": "simulator-demo-secret", "bk_username": "admin",
                 "bk_scope_type": "biz", "bk_scope_id": "2", "create_time_start": %d, "create_time_end": %d,
                 "start": 0, "length": 1000}
                """.formatted(from, System.currentTimeMillis() + 1000);
        JsonNode page = RunningBridge.JSON.readTree(
                bridge.post("/api/c/compapi/v2/jobv3/get_job_instance_list/", body).body());
        assertThat(page.path("result").asBoolean()).as(page.toString()).isTrue();
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode i : page.path("data").path("data")) {
            if (i.path("job_plan_id").asLong() == planId) {
                out.add(i);
            }
        }
        return out;
    }
}
