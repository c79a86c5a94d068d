package io.alertjobbridge.lifecycle;

import java.net.http.HttpResponse;
import java.time.Duration;
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
 * The whole pipeline in the real routes against the built-in simulator: each test posts an alert
 * that selects one of the test actions and checks the recorded outcome. The tests share one bridge
 * and run side by side, as alerts do.
 */
@Execution(ExecutionMode.CONCURRENT)
class PipelineRouteTest {

    private static RunningBridge bridge;

    @BeforeAll
    static void start() throws Exception {
        bridge = RunningBridge.start(Map.of("bridge.actions.dir", "src/test/resources/test-actions"));
    }

    @AfterAll
    static void stop() throws Exception {
        bridge.close();
    }

    private static String launch(String alertName) throws Exception {
        JsonNode accepted = bridge.postAlert(Alerts.named(Alerts.uniqueId(), alertName, "10.0.5.1"));
        assertThat(accepted.path("actions")).hasSize(1);
        assertThat(accepted.path("actions").get(0).path("status").asText()).isEqualTo("received");
        return accepted.path("actions").get(0).path("id").asText();
    }

    @Test
    void failure_on_one_host_names_the_host_and_keeps_its_log() throws Exception {
        JsonNode action = bridge.awaitFinal(launch("fail-one-host"), Duration.ofSeconds(30));

        assertThat(action.path("status").asText()).isEqualTo("failure");
        assertThat(action.path("reason").asText()).contains("10.0.9.9").contains("exit code 1");
        JsonNode hosts = action.path("steps").get(0).path("hosts");
        assertThat(hosts).hasSize(2);
        JsonNode failed = hosts.get(1);
        assertThat(failed.path("ip").asText()).isEqualTo("10.0.9.9");
        assertThat(failed.path("exit_code").asInt()).isEqualTo(1);
        assertThat(failed.path("status").asInt()).isEqualTo(104);
        assertThat(failed.path("log").asText()).isNotBlank();
        assertThat(hosts.get(0).path("exit_code").asInt()).isZero();
    }

    @Test
    void permission_error_ends_the_action_with_the_permission_payload() throws Exception {
        JsonNode action = bridge.awaitFinal(launch("permission-denied"), Duration.ofSeconds(30));

        assertThat(action.path("status").asText()).isEqualTo("failure");
        assertThat(action.path("reason").asText()).contains("9900403");
        assertThat(action.path("job_error").path("code").asLong()).isEqualTo(9900403L);
        assertThat(action.path("job_error").path("permission").path("actions").get(0).path("id").asText())
                .isEqualTo("launch_job_plan");
        assertThat(action.path("job_instance_id").isNull()).isTrue();
    }

    @Test
    void timeout_terminates_the_job_and_ends_as_timeout() throws Exception {
        // The shortest timeout an action may have is 60 s, as in bk-monitor.
        JsonNode action = bridge.awaitFinal(launch("never-finish"), Duration.ofSeconds(100));

        assertThat(action.path("status").asText()).isEqualTo("timeout");
        assertThat(action.path("reason").asText()).contains("timed out after 60 s").contains("terminated");
        JsonNode calls = bridge.simulatorCalls();
        assertThat(calls.path("calls_by_api").path("operate_job_instance").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void cipher_values_reach_job_but_are_masked_in_the_record() throws Exception {
        String id = launch("with-cipher");
        JsonNode action = bridge.awaitFinal(id, Duration.ofSeconds(30));

        assertThat(action.path("status").asText()).isEqualTo("success");
        JsonNode cipher = action.path("global_var_list").get(2);
        assertThat(cipher.path("id").asLong()).isEqualTo(1000007L);
        assertThat(cipher.path("value").asText()).isEqualTo("******");
        assertThat(bridge.get("/api/v1/actions/" + id).body()).doesNotContain("SECRET");
        assertThat(bridge.get("/api/v1/actions?limit=1000").body()).doesNotContain("SECRET");
    }

    @Test
    void a_template_syntax_error_fails_the_action_before_any_job_call() throws Exception {
        JsonNode action = bridge.awaitFinal(launch("bad-template"), Duration.ofSeconds(30));

        assertThat(action.path("status").asText()).isEqualTo("failure");
        assertThat(action.path("reason").asText()).startsWith("variable mapping failed").contains("1000004_1");
        assertThat(action.path("job_instance_id").isNull()).isTrue();
        assertThat(action.path("global_var_list").isNull()).isTrue();
    }

    @Test
    void a_host_that_is_not_an_ip_fails_the_action_naming_it() throws Exception {
        JsonNode action = bridge.awaitFinal(launch("bad-host"), Duration.ofSeconds(30));

        assertThat(action.path("status").asText()).isEqualTo("failure");
        assertThat(action.path("reason").asText()).contains("db-server-7").contains("1000005_3");
        assertThat(action.path("job_instance_id").isNull()).isTrue();
    }

    @Test
    void the_same_alert_posted_again_answers_200_with_the_same_actions() throws Exception {
        String body = Alerts.named(Alerts.uniqueId(), "plain-run", "10.0.5.2");
        HttpResponse<String> first = bridge.post("/api/v1/alerts", body);
        HttpResponse<String> second = bridge.post("/api/v1/alerts", body);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(200);
        JsonNode a = RunningBridge.JSON.readTree(first.body());
        JsonNode b = RunningBridge.JSON.readTree(second.body());
        assertThat(b.path("actions").get(0).path("id")).isEqualTo(a.path("actions").get(0).path("id"));
        assertThat(bridge.getJson("/api/v1/actions?alert_id=" + a.path("alert_id").asText()).path("actions")).hasSize(1);
    }

    @Test
    void bad_alerts_get_400_naming_the_field_and_store_nothing() throws Exception {
        String id = Alerts.uniqueId();
        String[][] cases = {
                {"{\"id\": \"" + id + "\", \"alert_name\": \"plain-run\"", "malformed_json", null},
                {"{\"alert_name\": \"plain-run\", \"event\": {}}", "missing_field", "id"},
                {"{\"id\": \"" + id + "\", \"alert_name\": \"plain-run\"}", "missing_field", "event"},
                {"{\"id\": \"" + id + "\", \"event\": \"10.0.0.1\"}", "invalid_field", "event"},
                {"{\"id\": \"" + id + "\", \"strategy_id\": \"41\", \"event\": {}}", "invalid_field", "strategy_id"},
                {"{\"id\": \"" + id + "\", \"severity\": 9, \"event\": {}}", "invalid_field", "severity"},
                {"{\"id\": \"" + id + "\", \"event\": {\"bk_cloud_id\": \"zero\"}}", "invalid_field", "event.bk_cloud_id"},
                {"{\"id\": \"" + id + "\", \"event\": {\"ip\": 10}}", "invalid_field", "event.ip"},
                {"{\"id\": \"" + id + "\", \"dimensions\": {\"a\": 1}, \"event\": {}}", "invalid_field", "dimensions"},
                {"[1, 2]", "invalid_body", null},
                {"{\"id\": {\"x\": 1}, \"event\": {}}", "invalid_field", "id"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = bridge.post("/api/v1/alerts", c[0]);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            JsonNode error = RunningBridge.JSON.readTree(r.body()).path("error");
            assertThat(error.path("code").asText()).as(c[0]).isEqualTo(c[1]);
            if (c[2] != null) {
                assertThat(error.path("field").asText()).as(c[0]).isEqualTo(c[2]);
                assertThat(error.path("message").asText()).as(c[0]).contains(c[2]);
            }
        }
        HttpResponse<String> form = bridge.post("/api/v1/alerts", "id=" + id, "application/x-www-form-urlencoded");
        assertThat(form.statusCode()).isEqualTo(415);

        // Nothing was stored under that id: the first valid post of it is new.
        assertThat(bridge.getJson("/api/v1/actions?alert_id=" + id).path("actions")).isEmpty();
        assertThat(bridge.post("/api/v1/alerts", Alerts.named(id, "plain-run", "10.0.5.3")).statusCode()).isEqualTo(202);
    }

    @Test
    void a_body_over_one_mebibyte_gets_413_and_stores_nothing() throws Exception {
        String id = Alerts.uniqueId();
        String huge = "{\"id\": \"" + id + "\", \"event\": {}, \"extra_info\": {\"pad\": \"" + "x".repeat(1_100_000) + "\"}}";
        HttpResponse<String> r = bridge.post("/api/v1/alerts", huge);

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(bridge.getJson("/api/v1/actions?alert_id=" + id).path("actions")).isEmpty();
    }

    @Test
    void unknown_action_gets_404_and_a_bad_filter_400() throws Exception {
        HttpResponse<String> missing = bridge.get("/api/v1/actions/no-such-action");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(RunningBridge.JSON.readTree(missing.body()).path("error").path("code").asText()).isEqualTo("not_found");

        assertThat(bridge.get("/api/v1/actions?limit=abc").statusCode()).isEqualTo(400);
        assertThat(bridge.get("/api/v1/actions?status=exploded").statusCode()).isEqualTo(400);
    }
}
