package io.alertjobbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Both front doors without a server: auth, envelopes, method table, faults and the call log. */
class SimulatorFrontDoorTest {

    private static final String GOOD_HEADER = "{\"bk_app_code\": \"bridge\", \"bk_app_secret\": \"s3cret\", \"bk_username\": \"alice\"}";
    private static final String ESB_CREDENTIALS = "\"bk_app_code\": \"bridge\", \"bk_app_secret\": \"s3cret\", \"bk_username\": \"alice\"";
    private static final String SCOPE = "\"bk_scope_type\": \"biz\", \"bk_scope_id\": \"2\"";

    private final AtomicLong now = new AtomicLong(1_767_225_600_000L);
    private final JobSimulator simulator = new JobSimulator(SimulatorSettings.of(Map.of()), now::get);
    private final SimulatorCallLog calls = new SimulatorCallLog();
    private final SimulatorFaults faults = new SimulatorFaults();
    private final SimulatorFrontDoor door = new SimulatorFrontDoor(simulator, new SimulatorCredentials("bridge", "s3cret"),
            calls, faults, now::get);
    private final SimulatorHooks hooks = new SimulatorHooks(simulator, calls, faults);

    @Test
    void esb_refuses_wrong_credentials_with_http_200_and_1306000() {
        SimulatorReply reply = esb("execute_job_plan", "{\"bk_app_code\": \"bridge\", \"bk_app_secret\": \"nope\", "
                + "\"bk_username\": \"alice\", " + SCOPE + ", \"job_plan_id\": 1000043}");

        JsonNode body = json(reply);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(body.path("result").asBoolean()).isFalse();
        assertThat(body.path("code").asInt()).isEqualTo(1306000);
        assertThat(body.has("data")).isTrue();
        assertThat(body.path("data").isNull()).isTrue();
        assertThat(body.path("request_id").asText()).hasSize(32);
        assertThat(reply.body()).doesNotContain("s3cret");
        assertThat(simulator.instanceCount()).isZero();
    }

    @Test
    void esb_success_carries_request_id_and_no_message() {
        JsonNode body = json(esb("execute_job_plan", "{" + ESB_CREDENTIALS + ", " + SCOPE + ", \"job_plan_id\": 1000043}"));

        assertThat(body.path("result").asBoolean()).isTrue();
        assertThat(body.path("code").asInt()).isZero();
        assertThat(body.has("message")).isFalse();
        assertThat(body.path("job_request_id").asText()).isNotBlank();
        assertThat(body.path("request_id").asText()).isNotBlank();
        assertThat(body.at("/data/job_instance_name").asText()).isEqualTo("disk-cleanup");
    }

    @Test
    void esb_takes_query_parameters_on_get_and_the_header_as_credentials() {
        long id = json(esb("execute_job_plan", "{" + ESB_CREDENTIALS + ", " + SCOPE + ", \"job_plan_id\": 1000043}"))
                .at("/data/job_instance_id").asLong();

        JsonNode byQuery = json(door.handle(new HttpCall(Door.ESB, "get_job_instance_status", "GET",
                "bk_app_code=bridge&bk_app_secret=s3cret&bk_username=alice&bk_scope_type=biz&bk_scope_id=2&job_instance_id=" + id,
                null, null, null)));
        JsonNode byHeader = json(door.handle(new HttpCall(Door.ESB, "get_job_instance_status", "POST", null,
                "{" + SCOPE + ", \"job_instance_id\": " + id + "}", GOOD_HEADER, null)));

        assertThat(byQuery.at("/data/job_instance/job_instance_id").asLong()).isEqualTo(id);
        assertThat(byHeader.at("/data/job_instance/job_instance_id").asLong()).isEqualTo(id);
    }

    @Test
    void esb_answers_unknown_components_and_unreadable_bodies_itself() {
        assertThat(json(esb("no_such_api", "{}")).path("code").asInt()).isEqualTo(1306404);
        assertThat(json(esb("execute_job_plan", "not json")).path("code").asInt()).isEqualTo(1306406);
    }

    @Test
    void gateway_needs_the_authorization_header() {
        SimulatorReply missing = gateway("execute_job_plan", "POST", "{" + SCOPE + ", \"job_plan_id\": 1000043, "
                + ESB_CREDENTIALS + "}", null);
        SimulatorReply wrong = gateway("execute_job_plan", "POST", "{" + SCOPE + ", \"job_plan_id\": 1000043}",
                "{\"bk_app_code\": \"bridge\", \"bk_app_secret\": \"x\", \"bk_username\": \"alice\"}");

        for (SimulatorReply reply : new SimulatorReply[] {missing, wrong}) {
            assertThat(reply.status()).isEqualTo(400);
            JsonNode body = json(reply);
            assertThat(body.path("code").asInt()).isEqualTo(1640001);
            assertThat(body.path("code_name").asText()).isEqualTo("INVALID_ARGS");
            assertThat(body.path("data").isNull()).isTrue();
        }
        assertThat(simulator.instanceCount()).isZero();
    }

    @Test
    void gateway_registers_one_method_per_api() {
        SimulatorReply reply = gateway("get_job_instance_status", "POST", "{}", GOOD_HEADER);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(json(reply).path("code").asInt()).isEqualTo(1640401);
        assertThat(reply.headers()).containsKey("X-Bkapi-Request-Id");
        assertThat(gateway("execute_job_plan", "GET", null, GOOD_HEADER).status()).isEqualTo(404);
    }

    @Test
    void gateway_passes_jobs_envelope_through_with_a_request_id_header() {
        SimulatorReply reply = gateway("execute_job_plan", "POST", "{" + SCOPE + ", \"job_plan_id\": 1000043}", GOOD_HEADER);
        SimulatorReply unreadable = gateway("execute_job_plan", "POST", "{", GOOD_HEADER);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers()).containsKey("X-Bkapi-Request-Id");
        assertThat(json(reply).has("request_id")).isFalse();
        assertThat(unreadable.status()).isEqualTo(200);
        assertThat(json(unreadable).path("code").asInt()).isEqualTo(1240003);
    }

    @Test
    void system_resources_act_as_the_x_bk_username_user() {
        door.handle(new HttpCall(Door.GATEWAY_SYSTEM, "execute_job_plan", "POST", null,
                "{" + SCOPE + ", \"job_plan_id\": 1000043}", "{\"bk_app_code\": \"bridge\", \"bk_app_secret\": \"s3cret\"}", "ci-bot"));

        JsonNode list = json(gateway("get_job_instance_list", "GET",
                null, GOOD_HEADER, "bk_scope_type=biz&bk_scope_id=2&create_time_start=" + (now.get() - 1) + "&create_time_end=" + (now.get() + 1)));

        assertThat(list.at("/data/data/0/operator").asText()).isEqualTo("ci-bot");
    }

    @Test
    void status_faults_answer_without_acting_then_expire() {
        hooks.faults("POST", "{\"api\": \"execute_job_plan\", \"http_status\": 503, \"count\": 2}");
        String body = "{" + SCOPE + ", \"job_plan_id\": 1000043}";

        SimulatorReply first = gateway("execute_job_plan", "POST", body, GOOD_HEADER);
        SimulatorReply second = gateway("execute_job_plan", "POST", body, GOOD_HEADER);
        SimulatorReply third = gateway("execute_job_plan", "POST", body, GOOD_HEADER);

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.contentType()).startsWith("text/plain");
        assertThat(second.status()).isEqualTo(503);
        assertThat(third.status()).isEqualTo(200);
        assertThat(simulator.instanceCount()).isEqualTo(1);
    }

    @Test
    void rate_limit_fault_uses_the_gateway_body_and_headers() {
        hooks.faults("POST", "{\"api\": \"*\", \"http_status\": 429}");

        SimulatorReply reply = gateway("get_job_plan_list", "GET", null, GOOD_HEADER, "bk_scope_type=biz&bk_scope_id=2");

        assertThat(reply.status()).isEqualTo(429);
        assertThat(json(reply).path("code").asInt()).isEqualTo(1642902);
        assertThat(json(reply).path("code_name").asText()).isEqualTo("RATE_LIMIT_RESTRICTION");
        assertThat(reply.headers()).containsEntry("X-Bkapi-RateLimit-Remaining", "0").containsKey("X-Bkapi-RateLimit-Limit");
    }

    @Test
    void drop_after_acting_creates_the_job_but_answers_504() {
        hooks.faults("POST", "{\"api\": \"execute_job_plan\", \"drop_after_acting\": true}");

        SimulatorReply reply = esb("execute_job_plan", "{" + ESB_CREDENTIALS + ", " + SCOPE + ", \"job_plan_id\": 1000043}");

        assertThat(reply.status()).isEqualTo(504);
        assertThat(json(reply).path("code").asInt()).isEqualTo(1650401);
        assertThat(json(reply).path("request_id").asText()).as("every ESB answer has a request id").isNotBlank();
        assertThat(simulator.instanceCount()).isEqualTo(1);
    }

    @Test
    void answer_delay_is_claimed_before_serving_and_the_claimed_call_acts_and_answers_normally() {
        hooks.faults("POST", "{\"api\": \"execute_job_plan\", \"answer_delay_ms\": 8000}");
        String body = "{" + SCOPE + ", \"job_plan_id\": 1000043}";

        SimulatorFaults.Fault claimed = door.claimAnswerDelay(Door.GATEWAY, "execute_job_plan", "POST");
        SimulatorReply reply = door.handleClaimed(new HttpCall(Door.GATEWAY, "execute_job_plan", "POST", null, body, GOOD_HEADER, null), claimed);

        assertThat(claimed.answerDelayMs()).isEqualTo(8000);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers()).containsKey("X-Bkapi-Request-Id");
        assertThat(json(reply).at("/data/job_instance_id").asLong()).isPositive();
        assertThat(simulator.instanceCount()).isEqualTo(1);
        assertThat(json(hooks.calls()).at("/execute_job_plan_by_plan/1000043").asInt()).isEqualTo(1);
        assertThat(json(hooks.faults("GET", null)).path("faults")).isEmpty();
    }

    @Test
    void answer_delay_is_not_claimed_by_calls_refused_before_faults_apply() {
        hooks.faults("POST", "{\"api\": \"execute_job_plan\", \"answer_delay_ms\": 8000}");

        assertThat(door.claimAnswerDelay(Door.GATEWAY, "execute_job_plan", "GET")).as("wrong gateway method").isNull();
        assertThat(door.claimAnswerDelay(Door.ESB, "no_such_api", "POST")).isNull();
        assertThat(door.claimAnswerDelay(Door.GATEWAY, "get_job_instance_status", "GET")).as("another API").isNull();
        assertThat(door.claimAnswerDelay(Door.ESB, "execute_job_plan", "GET")).as("the ESB takes any method").isNotNull();
    }

    @Test
    void an_unclaimed_answer_delay_is_left_for_the_next_call_by_the_immediate_path() {
        hooks.faults("POST", "{\"api\": \"execute_job_plan\", \"answer_delay_ms\": 8000}");
        hooks.faults("POST", "{\"api\": \"execute_job_plan\", \"http_status\": 503}");

        SimulatorReply served = esb("execute_job_plan", "{" + ESB_CREDENTIALS + ", " + SCOPE + ", \"job_plan_id\": 1000043}");

        assertThat(served.status()).as("neither the delay nor the 503 behind it").isEqualTo(200);
        assertThat(json(hooks.faults("GET", null)).path("faults")).hasSize(2);
        assertThat(door.claimAnswerDelay(Door.ESB, "execute_job_plan", "POST")).isNotNull();
        assertThat(esb("execute_job_plan", "{" + ESB_CREDENTIALS + ", " + SCOPE + ", \"job_plan_id\": 1000043}").status())
                .isEqualTo(503);
    }

    @Test
    void lose_answer_plan_answers_504_after_creating_the_job() {
        SimulatorReply reply = gateway("execute_job_plan", "POST", "{" + SCOPE + ", \"job_plan_id\": 2004}", GOOD_HEADER);

        assertThat(reply.status()).isEqualTo(504);
        assertThat(simulator.instanceCount()).isEqualTo(1);
    }

    @Test
    void malformed_faults_are_refused() {
        assertThat(hooks.faults("POST", "{\"api\": \"nope\", \"http_status\": 503}").status()).isEqualTo(400);
        assertThat(hooks.faults("POST", "{\"api\": \"execute_job_plan\"}").status()).isEqualTo(400);
        assertThat(hooks.faults("POST", "[]").status()).isEqualTo(400);
        SimulatorReply twoKinds = hooks.faults("POST", "{\"api\": \"execute_job_plan\", \"http_status\": 503, \"answer_delay_ms\": 10}");
        assertThat(twoKinds.status()).isEqualTo(400);
        assertThat(json(twoKinds).path("error").asText()).startsWith("Fault not accepted: give exactly one of");
        assertThat(json(hooks.faults("GET", null)).path("faults")).isEmpty();
    }

    @Test
    void call_log_counts_every_call_and_keeps_redacted_launch_bodies() {
        esb("execute_job_plan", "{\"bk_app_code\": \"bridge\", \"bk_app_secret\": \"wrong\", " + SCOPE + ", \"job_plan_id\": 1000043}");
        esb("execute_job_plan", "{" + ESB_CREDENTIALS + ", " + SCOPE + ", \"job_plan_id\": 1000043, \"global_var_list\": ["
                + "{\"id\": 1000007, \"value\": \"top-secret\"}, {\"id\": 1000004, \"value\": \"visible\"}]}");
        now.addAndGet(1_000);
        gateway("get_job_instance_status", "GET", null, GOOD_HEADER, "bk_scope_type=biz&bk_scope_id=2&job_instance_id=1");

        JsonNode log = json(hooks.calls());

        assertThat(log.path("total_calls").asInt()).isEqualTo(3);
        assertThat(log.at("/calls_by_api/execute_job_plan").asInt()).isEqualTo(2);
        assertThat(log.at("/calls_by_api/get_job_instance_status").asInt()).isEqualTo(1);
        assertThat(log.at("/execute_job_plan_by_plan/1000043").asInt()).isEqualTo(2);
        assertThat(log.path("calls_per_second").size()).isEqualTo(2);
        assertThat(log.path("execute_job_plan_requests")).hasSize(2);
        String bodies = log.path("execute_job_plan_requests").toString();
        assertThat(bodies).contains("visible", "1000043").doesNotContain("top-secret", "wrong", "s3cret", "bk_app_code", "bk_username");
    }

    @Test
    void reset_clears_instances_counters_and_faults() {
        esb("execute_job_plan", "{" + ESB_CREDENTIALS + ", " + SCOPE + ", \"job_plan_id\": 1000043}");
        hooks.faults("POST", "{\"api\": \"execute_job_plan\", \"http_status\": 500, \"count\": 5}");

        hooks.reset();

        assertThat(simulator.instanceCount()).isZero();
        assertThat(json(hooks.calls()).path("total_calls").asInt()).isZero();
        assertThat(json(hooks.faults("GET", null)).path("faults")).isEmpty();
    }

    @Test
    void nothing_is_accepted_when_no_secret_is_configured() {
        SimulatorFrontDoor closed = new SimulatorFrontDoor(simulator, new SimulatorCredentials("bridge", null), calls, faults, now::get);

        SimulatorReply reply = closed.handle(new HttpCall(Door.GATEWAY, "execute_job_plan", "POST", null, "{}", GOOD_HEADER, null));

        assertThat(reply.status()).isEqualTo(400);
    }

    private SimulatorReply esb(String api, String body) {
        return door.handle(new HttpCall(Door.ESB, api, "POST", null, body, null, null));
    }

    private SimulatorReply gateway(String api, String method, String body, String authorization) {
        return gateway(api, method, body, authorization, null);
    }

    private SimulatorReply gateway(String api, String method, String body, String authorization, String query) {
        return door.handle(new HttpCall(Door.GATEWAY, api, method, query, body, authorization, null));
    }

    private static JsonNode json(SimulatorReply reply) {
        return SimulatorJson.readOrNull(reply.body());
    }
}
