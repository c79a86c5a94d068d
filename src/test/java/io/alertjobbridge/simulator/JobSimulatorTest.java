package io.alertjobbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The state machine and Job's answers, with time driven by the test. */
class JobSimulatorTest {

    private static final long T0 = 1_767_225_600_000L;
    private static final String SCOPE = "\"bk_scope_type\": \"biz\", \"bk_scope_id\": \"2\"";

    private final AtomicLong now = new AtomicLong(T0);
    private final JobSimulator simulator = new JobSimulator(SimulatorSettings.of(Map.of(
            "bridge.simulator.job-duration-ms", "1000",
            "bridge.simulator.stop-delay-ms", "500")), now::get);

    @Test
    void job_created_with_start_task_false_waits_in_status_1() {
        long id = launch(1_000_043, ", \"start_task\": false");
        now.addAndGet(5_000);

        JsonNode data = status(id);

        assertThat(data.path("finished").asBoolean()).isFalse();
        assertThat(data.at("/job_instance/status").asInt()).isEqualTo(1);
        assertThat(data.at("/job_instance/start_time").isNull()).isTrue();
        assertThat(data.at("/step_instance_list/0/status").asInt()).isEqualTo(1);
        assertThat(data.at("/step_instance_list/0/step_ip_result_list")).isEmpty();
    }

    @Test
    void started_job_runs_then_succeeds_with_host_results() {
        long id = launch(1_000_043, ", \"start_task\": false");
        now.addAndGet(100);
        assertThat(operate(id, 2).path("code").asInt()).isZero();

        JsonNode running = status(id);
        assertThat(running.at("/job_instance/status").asInt()).isEqualTo(2);
        assertThat(running.at("/step_instance_list/0/step_ip_result_list/0/status").asInt()).isEqualTo(7);

        now.addAndGet(1_000);
        JsonNode done = status(id);
        assertThat(done.path("finished").asBoolean()).isTrue();
        assertThat(done.at("/job_instance/status").asInt()).isEqualTo(3);
        assertThat(done.at("/job_instance/total_time").asLong()).isEqualTo(1_000);
        JsonNode hosts = done.at("/step_instance_list/0/step_ip_result_list");
        assertThat(hosts).hasSize(2);
        assertThat(hosts.get(0).path("ip").asText()).isEqualTo("10.0.0.1");
        assertThat(hosts.get(0).path("status").asInt()).isEqualTo(9);
        assertThat(hosts.get(0).path("exit_code").asInt()).isZero();
        assertThat(hosts.get(0).path("bk_host_id").asLong()).isPositive();
    }

    @Test
    void steps_run_one_at_a_time() {
        long id = launch(1_000_044, "");

        JsonNode first = status(id);
        assertThat(first.at("/step_instance_list/0/status").asInt()).isEqualTo(2);
        assertThat(first.at("/step_instance_list/1/status").asInt()).isEqualTo(1);

        now.addAndGet(600);
        JsonNode second = status(id);
        assertThat(second.at("/step_instance_list/0/status").asInt()).isEqualTo(3);
        assertThat(second.at("/step_instance_list/1/status").asInt()).isEqualTo(2);
        assertThat(second.at("/job_instance/status").asInt()).isEqualTo(2);

        now.addAndGet(500);
        assertThat(status(id).at("/job_instance/status").asInt()).isEqualTo(3);
    }

    @Test
    void fail_one_host_fails_the_last_host_the_step_and_the_job() {
        long id = launch(2001, hostsVar("{\"bk_cloud_id\": 0, \"ip\": \"10.0.1.15\"}, {\"bk_cloud_id\": 0, \"ip\": \"10.0.1.16\"}"));
        now.addAndGet(1_000);

        JsonNode data = status(id);

        assertThat(data.at("/job_instance/status").asInt()).isEqualTo(4);
        assertThat(data.path("finished").asBoolean()).isTrue();
        assertThat(data.at("/step_instance_list/0/status").asInt()).isEqualTo(4);
        JsonNode hosts = data.at("/step_instance_list/0/step_ip_result_list");
        assertThat(hosts.get(0).path("status").asInt()).isEqualTo(9);
        assertThat(hosts.get(1).path("ip").asText()).isEqualTo("10.0.1.16");
        assertThat(hosts.get(1).path("status").asInt()).isEqualTo(104);
        assertThat(hosts.get(1).path("exit_code").asInt()).isEqualTo(1);
    }

    @Test
    void terminate_stops_the_job_then_reports_stop_success() {
        long id = launch(2002, "");
        now.addAndGet(60_000);
        assertThat(status(id).at("/job_instance/status").asInt()).as("never-finish keeps running").isEqualTo(2);

        assertThat(operate(id, 1).path("code").asInt()).isZero();
        JsonNode stopping = status(id);
        assertThat(stopping.at("/job_instance/status").asInt()).isEqualTo(10);
        assertThat(stopping.at("/step_instance_list/0/status").asInt()).isEqualTo(10);
        assertThat(stopping.path("finished").asBoolean()).isFalse();

        now.addAndGet(500);
        JsonNode stopped = status(id);
        assertThat(stopped.at("/job_instance/status").asInt()).isEqualTo(11);
        assertThat(stopped.path("finished").asBoolean()).isTrue();
        assertThat(stopped.at("/step_instance_list/0/step_ip_result_list/0/status").asInt()).isEqualTo(403);
        assertThat(stopped.at("/step_instance_list/0/step_ip_result_list/0/error_code").asInt()).isEqualTo(126);
    }

    @Test
    void terminating_the_first_of_two_steps_leaves_the_second_unstarted() {
        long id = launch(1_000_044, "");
        operate(id, 1);
        now.addAndGet(2_000);

        JsonNode data = status(id);

        assertThat(data.at("/step_instance_list/0/status").asInt()).isEqualTo(11);
        assertThat(data.at("/step_instance_list/1/status").asInt()).isEqualTo(1);
    }

    @Test
    void starting_twice_is_refused_with_1241015() {
        long id = launch(1_000_043, ", \"start_task\": false");
        operate(id, 2);

        JsonNode again = operate(id, 2);

        assertThat(again.path("code").asInt()).isEqualTo(1241015);
        assertThat(again.path("message").asText()).contains("job_instance_id=" + id);
    }

    @Test
    void terminate_is_refused_unless_running() {
        long notStarted = launch(1_000_043, ", \"start_task\": false");
        long finished = launch(1_000_043, "");
        now.addAndGet(2_000);

        assertThat(operate(notStarted, 1).path("code").asInt()).isEqualTo(1241003);
        assertThat(operate(finished, 1).path("code").asInt()).isEqualTo(1241003);
        assertThat(operate(finished, 3).path("code").asInt()).isEqualTo(1241002);
        assertThat(operate(999_999, 1).path("code").asInt()).isEqualTo(1244006);
    }

    @Test
    void logs_show_received_values_and_mask_ciphers() {
        long id = launch(1_000_043, ", \"global_var_list\": ["
                + "{\"id\": 1000005, \"server\": {\"ip_list\": [{\"bk_cloud_id\": 0, \"ip\": \"10.0.1.15\"}]}},"
                + "{\"id\": 1000004, \"value\": \"hello, 10.0.1.15\"},"
                + "{\"name\": \"api_token\", \"value\": \"top-secret\"},"
                + "{\"name\": \"not_in_plan\", \"value\": \"x\"}]");
        JsonNode step = status(id).at("/step_instance_list/0");
        long hostId = step.at("/step_ip_result_list/0/bk_host_id").asLong();
        now.addAndGet(1_000);

        JsonNode logs = call(JobApi.BATCH_GET_JOB_INSTANCE_IP_LOG, "{" + SCOPE + ", \"job_instance_id\": " + id
                + ", \"step_instance_id\": " + step.path("step_instance_id").asLong() + ", \"host_id_list\": [" + hostId + "]}");

        assertThat(logs.path("code").asInt()).isZero();
        JsonNode log = logs.at("/data/script_task_logs/0");
        assertThat(log.path("ip").asText()).isEqualTo("10.0.1.15");
        assertThat(log.path("bk_host_id").asLong()).isEqualTo(hostId);
        assertThat(log.path("log_content").asText())
                .contains("job_start", "message=hello, 10.0.1.15", "api_token=******", "clean temp files on 10.0.1.15 ... ok",
                        "not_in_plan")
                .doesNotContain("top-secret");
    }

    @Test
    void hosts_of_an_unstarted_step_have_no_log() {
        long id = launch(1_000_044, "");
        long secondStep = status(id).at("/step_instance_list/1/step_instance_id").asLong();

        JsonNode logs = call(JobApi.BATCH_GET_JOB_INSTANCE_IP_LOG, "{" + SCOPE + ", \"job_instance_id\": " + id
                + ", \"step_instance_id\": " + secondStep + ", \"ip_list\": [{\"bk_cloud_id\": 0, \"ip\": \"10.0.0.1\"}]}");

        assertThat(logs.at("/data/script_task_logs")).isEmpty();
    }

    @Test
    void log_requests_are_capped_at_500_hosts() {
        long id = launch(1_000_043, "");
        long step = status(id).at("/step_instance_list/0/step_instance_id").asLong();
        String base = "{" + SCOPE + ", \"job_instance_id\": " + id + ", \"step_instance_id\": " + step;

        assertThat(call(JobApi.BATCH_GET_JOB_INSTANCE_IP_LOG, base + ", \"host_id_list\": " + ids(500) + "}").path("code").asInt())
                .isZero();
        assertThat(call(JobApi.BATCH_GET_JOB_INSTANCE_IP_LOG, base + ", \"host_id_list\": " + ids(501) + "}").path("code").asInt())
                .isEqualTo(1241007);
        assertThat(call(JobApi.BATCH_GET_JOB_INSTANCE_IP_LOG, base + "}").path("code").asInt()).isEqualTo(1241007);
        assertThat(call(JobApi.BATCH_GET_JOB_INSTANCE_IP_LOG, base + ", \"step_instance_id\": 1, \"host_id_list\": [1]}")
                .path("code").asInt()).isEqualTo(1244006);
    }

    @Test
    void launch_validation_uses_jobs_codes() {
        assertThat(launchCode("{" + SCOPE + "}")).isEqualTo(1241005);
        assertThat(launchCode("{" + SCOPE + ", \"job_plan_id\": 0}")).isEqualTo(1241005);
        assertThat(launchCode("{" + SCOPE + ", \"job_plan_id\": \"abc\"}")).isEqualTo(1240003);
        assertThat(launchCode("{\"job_plan_id\": 1000043}")).isEqualTo(1240003);
        assertThat(launchCode("{\"bk_scope_type\": \"biz\", \"bk_scope_id\": 2, \"job_plan_id\": 1000043}")).isEqualTo(1240003);
        assertThat(launchCode("{\"bk_scope_type\": \"host\", \"bk_scope_id\": \"2\", \"job_plan_id\": 1000043}")).isEqualTo(1240003);
        assertThat(launchCode("{\"bk_scope_type\": \"biz\", \"bk_scope_id\": \" \", \"job_plan_id\": 1000043}")).isEqualTo(1240003);
        assertThat(launchCode("{" + SCOPE + ", \"job_plan_id\": 1000043, \"start_task\": \"no\"}")).isEqualTo(1240003);
        assertThat(launchCode("{" + SCOPE + ", \"job_plan_id\": 1000043, \"callback_url\": \"ftp://x/y\"}")).isEqualTo(1240003);
        assertThat(launchCode("{" + SCOPE + ", \"job_plan_id\": 1000043, \"global_var_list\": [{\"value\": \"x\"}]}"))
                .isEqualTo(1241005);
        assertThat(launchCode("{" + SCOPE + ", \"job_plan_id\": 1000043, \"global_var_list\": [{\"id\": 1, \"value\": 5}]}"))
                .isEqualTo(1240003);
        assertThat(launchCode("{" + SCOPE + ", \"job_plan_id\": 1000043" + hostsVar("{\"bk_cloud_id\": -1, \"ip\": \"10.0.0.8\"}") + "}"))
                .isEqualTo(1240003);
        assertThat(launchCode("{" + SCOPE + ", \"job_plan_id\": 1000043" + hostsVar("{\"bk_cloud_id\": \"0\", \"ip\": \"10.0.0.8\"}") + "}"))
                .isEqualTo(1240003);
        assertThat(launchCode("{" + SCOPE + ", \"job_plan_id\": 1000043" + hostsVar("{\"bk_cloud_id\": 0, \"ip\": \"10.0.0.300\"}") + "}"))
                .isEqualTo(1240003);
        assertThat(launchCode("{" + SCOPE + ", \"job_plan_id\": 1000043" + hostsVar("{\"bk_cloud_id\": 0, \"ip\": \"\"}") + "}"))
                .isEqualTo(1240003);
        assertThat(launchCode("{" + SCOPE + ", \"job_plan_id\": 424242}")).isEqualTo(1244012);
        assertThat(launchCode("{" + SCOPE + ", \"job_plan_id\": 1000043, \"global_var_list\": [{\"id\": 1000005, \"value\": \"10.0.0.1\"}]}"))
                .as("a host variable set through value has no hosts").isEqualTo(1244028);
    }

    @Test
    void ipv6_hosts_and_the_deprecated_biz_id_are_accepted() {
        JsonNode reply = call(JobApi.EXECUTE_JOB_PLAN, "{\"bk_biz_id\": 2, \"job_plan_id\": 1000043"
                + hostsVar("{\"bk_cloud_id\": 0, \"ip\": \" fd00::15 \"}") + "}");
        assertThat(reply.path("code").asInt()).isZero();
        long id = reply.at("/data/job_instance_id").asLong();

        JsonNode data = status(id);

        assertThat(data.at("/job_instance/bk_scope_id").asText()).isEqualTo("2");
        assertThat(data.at("/step_instance_list/0/step_ip_result_list/0/ip").asText()).isEqualTo("fd00::15");
    }

    @Test
    void host_variable_items_follow_jobs_merge_rules() {
        long lastWins = launch(1_000_043, ", \"global_var_list\": ["
                + "{\"id\": 1000005, \"server\": {\"ip_list\": [{\"bk_cloud_id\": 0, \"ip\": \"10.0.1.1\"}]}},"
                + "{\"id\": 1000005, \"server\": {\"ip_list\": [{\"bk_cloud_id\": 2, \"ip\": \"10.0.1.2\"}]}}]");
        long unknownVariable = launch(1_000_043, ", \"global_var_list\": ["
                + "{\"id\": 77, \"server\": {\"ip_list\": [{\"bk_cloud_id\": 0, \"ip\": \"10.0.1.1\"}]}}]");
        long byHostId = launch(1_000_043, ", \"global_var_list\": [{\"name\": \"target_hosts\", \"server\": {\"host_id_list\": [30001]}}]");

        JsonNode hosts = status(lastWins).at("/step_instance_list/0/step_ip_result_list");
        assertThat(hosts).hasSize(1);
        assertThat(hosts.get(0).path("ip").asText()).isEqualTo("10.0.1.2");
        assertThat(hosts.get(0).path("bk_cloud_id").asLong()).isEqualTo(2);
        assertThat(status(unknownVariable).at("/step_instance_list/0/step_ip_result_list/0/ip").asText()).isEqualTo("10.0.0.1");
        assertThat(status(byHostId).at("/step_instance_list/0/step_ip_result_list/0/bk_host_id").asLong()).isEqualTo(30001);
    }

    @Test
    void host_ids_are_stable_per_cloud_and_ip() {
        long first = launch(1_000_043, hostsVar("{\"bk_cloud_id\": 0, \"ip\": \"10.9.9.9\"}"));
        long second = launch(1_000_044, hostsVar("{\"bk_cloud_id\": 0, \"ip\": \"10.9.9.9\"}"));
        long otherCloud = launch(1_000_043, hostsVar("{\"bk_cloud_id\": 1, \"ip\": \"10.9.9.9\"}"));

        long id = hostId(first);

        assertThat(hostId(second)).isEqualTo(id);
        assertThat(hostId(otherCloud)).isNotEqualTo(id);
    }

    @Test
    void permission_denied_plan_answers_9900403_with_the_permission_payload() {
        JobResult result = simulator.call(JobApi.EXECUTE_JOB_PLAN,
                JobRequest.json("{" + SCOPE + ", \"job_plan_id\": 2003}"), "alice");

        assertThat(result.code()).isEqualTo(9900403);
        assertThat(result.message()).contains("alice");
        assertThat(result.permission().at("/actions/0/id").asText()).isEqualTo("launch_job_plan");
        assertThat(result.permission().at("/actions/0/related_resource_types/0/instances/0/1/id").asText()).isEqualTo("2003");
        assertThat(simulator.instanceCount()).isZero();
    }

    @Test
    void lose_answer_plan_acts_but_loses_the_answer() {
        JobResult result = simulator.call(JobApi.EXECUTE_JOB_PLAN,
                JobRequest.json("{" + SCOPE + ", \"job_plan_id\": 2004}"), "alice");

        assertThat(result.answerLost()).isTrue();
        assertThat(simulator.instanceCount()).isEqualTo(1);
    }

    @Test
    void quota_plan_refuses_once_then_launches() {
        assertThat(launchCode("{" + SCOPE + ", \"job_plan_id\": 2005}")).isEqualTo(1244032);
        assertThat(launchCode("{" + SCOPE + ", \"job_plan_id\": 2005}")).isZero();
    }

    @Test
    void instances_of_another_scope_do_not_exist() {
        long id = launch(1_000_043, "");

        JsonNode reply = call(JobApi.GET_JOB_INSTANCE_STATUS,
                "{\"bk_scope_type\": \"biz\", \"bk_scope_id\": \"3\", \"job_instance_id\": " + id + "}");

        assertThat(reply.path("code").asInt()).isEqualTo(1244006);
        assertThat(call(JobApi.GET_JOB_INSTANCE_STATUS, "{" + SCOPE + ", \"job_instance_id\": 0}").path("code").asInt())
                .isEqualTo(1241007);
    }

    @Test
    void status_by_query_parses_text_parameters() {
        long id = launch(1_000_043, "");
        now.addAndGet(1_000);

        JobResult result = simulator.call(JobApi.GET_JOB_INSTANCE_STATUS, JobRequest.query(Map.of("bk_scope_type", "biz",
                "bk_scope_id", "2", "job_instance_id", String.valueOf(id), "return_ip_result", "False")), "admin");
        JobResult missing = simulator.call(JobApi.GET_JOB_INSTANCE_STATUS,
                JobRequest.query(Map.of("bk_scope_type", "biz", "bk_scope_id", "2")), "admin");

        assertThat(result.data().at("/job_instance/status").asInt()).isEqualTo(3);
        assertThat(result.data().at("/step_instance_list/0").has("step_ip_result_list")).isFalse();
        assertThat(missing.code()).isEqualTo(1240003);
    }

    @Test
    void instance_list_filters_and_pages_newest_first() {
        long first = launch(1_000_043, "");
        now.addAndGet(10);
        long second = launch(1_000_044, "", "bob");
        now.addAndGet(10);
        long third = launch(2002, "");
        String window = "{" + SCOPE + ", \"create_time_start\": " + (T0 - 1) + ", \"create_time_end\": " + (T0 + 60_000);

        JsonNode all = call(JobApi.GET_JOB_INSTANCE_LIST, window + "}").path("data");
        assertThat(all.path("total").asInt()).isEqualTo(3);
        assertThat(all.at("/data/0/job_instance_id").asLong()).isEqualTo(third);
        assertThat(all.at("/data/0/job_plan_id").asLong()).isEqualTo(2002);
        assertThat(all.at("/data/0/launch_mode").asInt()).isEqualTo(2);
        assertThat(all.at("/data/0/type").asInt()).isZero();

        assertThat(ids(call(JobApi.GET_JOB_INSTANCE_LIST, window + ", \"operator\": \"bob\"}"))).containsExactly(second);
        assertThat(ids(call(JobApi.GET_JOB_INSTANCE_LIST, window + ", \"name\": \"DISK\"}"))).containsExactly(first);
        assertThat(ids(call(JobApi.GET_JOB_INSTANCE_LIST, window + ", \"name\": \"re_tart\"}"))).containsExactly(second);
        assertThat(ids(call(JobApi.GET_JOB_INSTANCE_LIST, window + ", \"ip\": \"10.0.0.2\", \"length\": 2, \"start\": 1}")))
                .containsExactly(second, first);
        assertThat(ids(call(JobApi.GET_JOB_INSTANCE_LIST, window + ", \"job_instance_id\": " + first + ", \"operator\": \"x\"}")))
                .containsExactly(first);
        now.addAndGet(5_000);
        assertThat(ids(call(JobApi.GET_JOB_INSTANCE_LIST, window + ", \"status\": 2}"))).containsExactly(third);
        assertThat(ids(call(JobApi.GET_JOB_INSTANCE_LIST, window + ", \"launch_mode\": 1}"))).isEmpty();

        JsonNode empty = call(JobApi.GET_JOB_INSTANCE_LIST, "{" + SCOPE + ", \"create_time_start\": 1, \"create_time_end\": 2}");
        assertThat(empty.at("/data/total").asInt()).isZero();
        assertThat(empty.at("/data/data").isNull()).isTrue();
    }

    @Test
    void instance_list_validates_in_jobs_order() {
        String scope = "{" + SCOPE;
        assertThat(listCode(scope + ", \"length\": 1001}")).isEqualTo(1240003);
        assertThat(listCode(scope + ", \"create_time_end\": 5}")).isEqualTo(1241007);
        assertThat(listCode(scope + ", \"create_time_start\": 5, \"create_time_end\": 5}")).isEqualTo(1241007);
        assertThat(listCode(scope + ", \"create_time_start\": 1, \"create_time_end\": " + (InstanceListQuery.MAX_SPAN_MS + 2) + "}"))
                .isEqualTo(1241002);
        assertThat(listCode(scope + ", \"create_time_start\": 1, \"create_time_end\": 5, \"type\": 3}")).isEqualTo(1241002);
        assertThat(listCode(scope + ", \"create_time_start\": 1, \"create_time_end\": 5, \"status\": 12}")).isEqualTo(1240002);
    }

    @Test
    void plan_detail_emits_id_and_masks_ciphers() {
        JsonNode data = call(JobApi.GET_JOB_PLAN_DETAIL, "{" + SCOPE + ", \"job_plan_id\": 1000044}").path("data");

        assertThat(data.path("id").asLong()).isEqualTo(1_000_044);
        assertThat(data.has("job_plan_id")).isFalse();
        assertThat(data.path("name").asText()).isEqualTo("restart-service");
        assertThat(data.path("step_list")).hasSize(2);
        assertThat(data.toString()).contains("\"******\"").doesNotContain("plan-default-token");
        assertThat(call(JobApi.GET_JOB_PLAN_DETAIL, "{" + SCOPE + ", \"job_plan_id\": 5}").path("code").asInt()).isEqualTo(1243009);
        assertThat(call(JobApi.GET_JOB_PLAN_DETAIL, "{" + SCOPE + "}").path("code").asInt()).isEqualTo(1241007);
    }

    @Test
    void plan_list_pages_and_filters_by_name() {
        JsonNode data = call(JobApi.GET_JOB_PLAN_LIST, "{" + SCOPE + ", \"name\": \"disk\"}").path("data");

        assertThat(data.path("total").asInt()).isEqualTo(1);
        assertThat(data.at("/data/0/id").asLong()).isEqualTo(1_000_043);
    }

    @Test
    void configured_behaviour_and_name_override_the_built_in_plan() {
        JobSimulator configured = new JobSimulator(SimulatorSettings.of(Map.of(
                "bridge.simulator.plan.1000043.behavior", "never-finish",
                "bridge.simulator.plan.1000043.name", "cleanup-forever",
                "bridge.simulator.plan.77.duration-ms", "10")), now::get);

        assertThat(configured.plan(1_000_043).behavior()).isEqualTo(PlanBehavior.NEVER_FINISH);
        assertThat(configured.plan(1_000_043).name()).isEqualTo("cleanup-forever");
        assertThat(configured.plan(77).durationMs()).isEqualTo(10);
        assertThat(configured.plan(1_000_044).durationMs()).isEqualTo(3000);
    }

    @Test
    void reset_forgets_instances_but_never_reuses_ids() {
        long before = launch(1_000_043, "");

        simulator.reset();

        assertThat(call(JobApi.GET_JOB_INSTANCE_STATUS, "{" + SCOPE + ", \"job_instance_id\": " + before + "}").path("code").asInt())
                .isEqualTo(1244006);
        assertThat(launch(1_000_043, "")).isGreaterThan(before);
    }

    @Test
    void concurrent_launches_and_starts_stay_consistent() throws Exception {
        int jobs = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Long>> launched = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            launched.add(pool.submit(() -> launch(1_000_043, ", \"start_task\": false")));
        }
        Set<Long> ids = new HashSet<>();
        for (Future<Long> f : launched) {
            ids.add(f.get());
        }
        long contested = ids.iterator().next();
        List<Future<Integer>> starts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            starts.add(pool.submit(() -> operate(contested, 2).path("code").asInt()));
        }
        int won = 0;
        for (Future<Integer> f : starts) {
            won += f.get() == 0 ? 1 : 0;
        }
        pool.shutdown();

        assertThat(ids).hasSize(jobs);
        assertThat(simulator.instanceCount()).isEqualTo(jobs);
        assertThat(won).as("exactly one start wins, the rest get 1241015").isEqualTo(1);
    }

    @Test
    void oldest_instances_are_forgotten_beyond_the_cap() {
        JobSimulator capped = new JobSimulator(SimulatorSettings.of(Map.of("bridge.simulator.max-instances", "3")), now::get);
        for (int i = 0; i < 5; i++) {
            capped.call(JobApi.EXECUTE_JOB_PLAN, JobRequest.json("{" + SCOPE + ", \"job_plan_id\": 1000043}"), "alice");
        }

        assertThat(capped.instanceCount()).isEqualTo(3);
    }

    private long launch(long planId, String extra) {
        return launch(planId, extra, "alice");
    }

    private long launch(long planId, String extra, String operator) {
        JobResult result = simulator.call(JobApi.EXECUTE_JOB_PLAN,
                JobRequest.json("{" + SCOPE + ", \"job_plan_id\": " + planId + extra + "}"), operator);
        assertThat(result.code()).as(result.message()).isZero();
        return result.data().path("job_instance_id").asLong();
    }

    private int launchCode(String body) {
        return simulator.call(JobApi.EXECUTE_JOB_PLAN, JobRequest.json(body), "alice").code();
    }

    private int listCode(String body) {
        return call(JobApi.GET_JOB_INSTANCE_LIST, body).path("code").asInt();
    }

    private JsonNode status(long id) {
        JsonNode reply = call(JobApi.GET_JOB_INSTANCE_STATUS,
                "{" + SCOPE + ", \"job_instance_id\": " + id + ", \"return_ip_result\": true}");
        assertThat(reply.path("code").asInt()).isZero();
        return reply.path("data");
    }

    private long hostId(long instanceId) {
        return status(instanceId).at("/step_instance_list/0/step_ip_result_list/0/bk_host_id").asLong();
    }

    private JsonNode operate(long id, int code) {
        return call(JobApi.OPERATE_JOB_INSTANCE, "{" + SCOPE + ", \"job_instance_id\": " + id + ", \"operation_code\": " + code + "}");
    }

    private JsonNode call(JobApi api, String body) {
        return SimulatorEnvelopes.job(simulator.call(api, JobRequest.json(body), "alice"));
    }

    private static String hostsVar(String ipItems) {
        return ", \"global_var_list\": [{\"id\": 1000005, \"server\": {\"ip_list\": [" + ipItems + "]}}]";
    }

    private static String ids(int count) {
        StringBuilder ids = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            ids.append(i == 0 ? "" : ",").append(40_000 + i);
        }
        return ids.append(']').toString();
    }

    private static List<Long> ids(JsonNode listReply) {
        List<Long> ids = new ArrayList<>();
        listReply.at("/data/data").forEach(row -> ids.add(row.path("job_instance_id").asLong()));
        return ids;
    }
}
