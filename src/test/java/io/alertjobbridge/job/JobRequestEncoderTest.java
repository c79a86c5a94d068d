package io.alertjobbridge.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JobRequestEncoderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "s3cret-Value-9";
    private static final JobCredentials CREDENTIALS = new JobCredentials("bridge-app", SECRET, "admin");

    /** global_var_list of alert A (bk-monitor-job-action.md section 7). */
    private static final List<Map<String, Object>> VARS = List.of(
            Map.of("id", 1000005, "server", Map.of("ip_list", List.of(Map.of("bk_cloud_id", 0, "ip", "10.0.1.15")))),
            Map.of("id", 1000004, "value", "hello, 10.0.1.15"));

    private static JobRequestEncoder encoder(JobMode mode, String base) {
        return new JobRequestEncoder(mode, () -> base, CREDENTIALS, JSON);
    }

    private static JsonNode body(EncodedJobRequest r) throws Exception {
        return JSON.readTree(r.body());
    }

    // ---- ESB ---------------------------------------------------------------------------------------

    @Test
    void esb_execute_job_plan_posts_credentials_and_params_in_the_body() throws Exception {
        EncodedJobRequest r = encoder(JobMode.ESB, "https://paas.example.com//")
                .encode(JobCalls.executeJobPlan(2, 1000043, VARS, true));

        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.url()).isEqualTo("https://paas.example.com/api/c/compapi/v2/jobv3/execute_job_plan/");
        assertThat(r.api()).isEqualTo(JobApi.EXECUTE_JOB_PLAN);
        assertThat(r.headers()).containsEntry("Content-Type", "application/json")
                .containsEntry("Accept", "application/json")
                .doesNotContainKey("X-Bkapi-Authorization");
        assertThat(body(r)).isEqualTo(JSON.readTree("""
                {"bk_app_code": "bridge-app", "bk_app_secret": "s3cret-Value-9", "bk_username": "admin",
                 "bk_scope_type": "biz", "bk_scope_id": "2", "job_plan_id": 1000043,
                 "global_var_list": [{"id": 1000005, "server": {"ip_list": [{"bk_cloud_id": 0, "ip": "10.0.1.15"}]}},
                                     {"id": 1000004, "value": "hello, 10.0.1.15"}]}
                """));
    }

    @Test
    void esb_status_call_is_also_a_post_with_a_body() throws Exception {
        EncodedJobRequest r = encoder(JobMode.ESB, "https://paas.example.com").encode(JobCalls.status(2, 20007));

        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.url()).isEqualTo("https://paas.example.com/api/c/compapi/v2/jobv3/get_job_instance_status/");
        assertThat(body(r)).isEqualTo(JSON.readTree("""
                {"bk_app_code": "bridge-app", "bk_app_secret": "s3cret-Value-9", "bk_username": "admin",
                 "bk_scope_type": "biz", "bk_scope_id": "2", "job_instance_id": 20007, "return_ip_result": true}
                """));
    }

    @Test
    void base_url_is_read_for_every_call() {
        AtomicReference<String> base = new AtomicReference<>("http://127.0.0.1:1111");
        JobRequestEncoder encoder = new JobRequestEncoder(JobMode.APIGW, base::get, CREDENTIALS, JSON);

        assertThat(encoder.encode(JobCalls.status(2, 1)).url()).startsWith("http://127.0.0.1:1111/api/v3/");
        base.set(" http://127.0.0.1:2222/ ");
        assertThat(encoder.encode(JobCalls.status(2, 1)).url()).startsWith("http://127.0.0.1:2222/api/v3/");
    }

    // ---- API gateway -------------------------------------------------------------------------------

    @Test
    void gateway_execute_job_plan_posts_params_with_credentials_only_in_the_header() throws Exception {
        EncodedJobRequest r = encoder(JobMode.APIGW, "https://bkapi.example.com/api/bk-job/prod/")
                .encode(JobCalls.executeJobPlan(2, 1000043, VARS, true));

        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.url()).isEqualTo("https://bkapi.example.com/api/bk-job/prod/api/v3/execute_job_plan");
        assertThat(r.headers()).containsEntry("Content-Type", "application/json")
                .containsEntry("Accept", "application/json");
        assertThat(JSON.readTree(r.headers().get("X-Bkapi-Authorization"))).isEqualTo(JSON.readTree(
                "{\"bk_app_code\": \"bridge-app\", \"bk_app_secret\": \"s3cret-Value-9\", \"bk_username\": \"admin\"}"));
        assertThat(r.body()).doesNotContain(SECRET).doesNotContain("bk_app_code").doesNotContain("bk_username");
        assertThat(body(r)).isEqualTo(JSON.readTree("""
                {"bk_scope_type": "biz", "bk_scope_id": "2", "job_plan_id": 1000043,
                 "global_var_list": [{"id": 1000005, "server": {"ip_list": [{"bk_cloud_id": 0, "ip": "10.0.1.15"}]}},
                                     {"id": 1000004, "value": "hello, 10.0.1.15"}]}
                """));
    }

    @Test
    void gateway_status_call_is_a_get_with_the_query_and_no_body() {
        EncodedJobRequest r = encoder(JobMode.APIGW, "https://bkapi.example.com/api/bk-job/prod")
                .encode(JobCalls.status(2, 20007));

        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.url()).isEqualTo("https://bkapi.example.com/api/bk-job/prod/api/v3/get_job_instance_status"
                + "?bk_scope_type=biz&bk_scope_id=2&job_instance_id=20007&return_ip_result=true");
        assertThat(r.body()).isNull();
        assertThat(r.headers()).doesNotContainKey("Content-Type").containsKey("X-Bkapi-Authorization");
        assertThat(r.url()).doesNotContain(SECRET);
    }

    @Test
    void gateway_instance_list_is_a_get_filtered_to_api_plan_executions_of_the_operator() {
        EncodedJobRequest r = encoder(JobMode.APIGW, "https://bkapi.example.com/api/bk-job/prod")
                .encode(JobCalls.instanceList(2, 1767225300000L, 1767225900000L, "ci-bot"));

        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.url()).isEqualTo("https://bkapi.example.com/api/bk-job/prod/api/v3/get_job_instance_list"
                + "?bk_scope_type=biz&bk_scope_id=2&create_time_start=1767225300000&create_time_end=1767225900000"
                + "&operator=ci-bot&launch_mode=2&type=0&start=0&length=1000");
        assertThat(r.body()).isNull();
    }

    @Test
    void esb_instance_list_posts_the_same_filters_in_the_body() throws Exception {
        EncodedJobRequest r = encoder(JobMode.ESB, "https://paas.example.com")
                .encode(JobCalls.instanceList(2, 1767225300000L, 1767225900000L, "ci-bot"));

        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.url()).isEqualTo("https://paas.example.com/api/c/compapi/v2/jobv3/get_job_instance_list/");
        assertThat(body(r)).isEqualTo(JSON.readTree("""
                {"bk_app_code": "bridge-app", "bk_app_secret": "s3cret-Value-9", "bk_username": "admin",
                 "bk_scope_type": "biz", "bk_scope_id": "2",
                 "create_time_start": 1767225300000, "create_time_end": 1767225900000,
                 "operator": "ci-bot", "launch_mode": 2, "type": 0, "start": 0, "length": 1000}
                """));
    }

    @Test
    void gateway_query_values_are_url_encoded() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("bk_scope_type", "biz");
        params.put("name", "deploy web&x=1/é");
        EncodedJobRequest r = encoder(JobMode.APIGW, "https://bkapi.example.com")
                .encode(new JobCall(JobApi.GET_JOB_INSTANCE_LIST, params));

        assertThat(r.url()).isEqualTo("https://bkapi.example.com/api/v3/get_job_instance_list"
                + "?bk_scope_type=biz&name=deploy+web%26x%3D1%2F%C3%A9");
    }

    @Test
    void gateway_log_and_operate_calls_are_posts() {
        JobRequestEncoder encoder = encoder(JobMode.APIGW, "https://bkapi.example.com");

        EncodedJobRequest logs = encoder.encode(JobCalls.ipLogs(2, 20007, 90011, List.of(30001L), List.of()));
        EncodedJobRequest operate = encoder.encode(JobCalls.operate(2, 20007, JobCalls.OPERATION_TERMINATE));

        assertThat(logs.method()).isEqualTo("POST");
        assertThat(logs.url()).isEqualTo("https://bkapi.example.com/api/v3/batch_get_job_instance_ip_log");
        assertThat(operate.method()).isEqualTo("POST");
        assertThat(operate.url()).isEqualTo("https://bkapi.example.com/api/v3/operate_job_instance");
    }

    // ---- call parameters ---------------------------------------------------------------------------

    @Test
    void start_task_false_is_sent_only_for_a_two_phase_launch() {
        Map<String, Object> twoPhase = JobCalls.executeJobPlan(2, 1, List.of(), false).params();
        Map<String, Object> direct = JobCalls.executeJobPlan(2, 1, List.of(), true).params();

        assertThat(twoPhase).containsEntry("start_task", false);
        assertThat(direct).doesNotContainKey("start_task");
    }

    @Test
    void every_call_names_its_scope_as_biz_with_a_string_id() {
        for (JobCall call : List.of(JobCalls.executeJobPlan(7, 1, List.of(), true), JobCalls.status(7, 1),
                JobCalls.operate(7, 1, JobCalls.OPERATION_START), JobCalls.ipLogs(7, 1, 2, List.of(3L), null))) {
            assertThat(call.params()).as(call.api().path()).containsEntry("bk_scope_type", "biz").containsEntry("bk_scope_id", "7");
        }
    }

    @Test
    void operate_carries_the_operation_code() {
        assertThat(JobCalls.operate(2, 20007, JobCalls.OPERATION_START).params())
                .containsEntry("job_instance_id", 20007L).containsEntry("operation_code", 2);
        assertThat(JobCalls.operate(2, 20007, JobCalls.OPERATION_TERMINATE).params()).containsEntry("operation_code", 1);
    }

    @Test
    void ip_logs_prefer_host_ids_over_ip_list() {
        List<Map<String, Object>> ips = List.of(Map.of("bk_cloud_id", 0, "ip", "10.0.0.1"));

        Map<String, Object> byId = JobCalls.ipLogs(2, 20007, 90011, List.of(30001L, 30002L), ips).params();
        assertThat(byId).containsEntry("host_id_list", List.of(30001L, 30002L)).doesNotContainKey("ip_list")
                .containsEntry("job_instance_id", 20007L).containsEntry("step_instance_id", 90011L);

        assertThat(JobCalls.ipLogs(2, 20007, 90011, List.of(), ips).params())
                .containsEntry("ip_list", ips).doesNotContainKey("host_id_list");
        assertThat(JobCalls.ipLogs(2, 20007, 90011, null, ips).params())
                .containsEntry("ip_list", ips).doesNotContainKey("host_id_list");
    }

    // ---- secrets stay out of text ------------------------------------------------------------------

    @Test
    void encoded_request_text_never_shows_the_secret() {
        for (JobMode mode : JobMode.values()) {
            EncodedJobRequest r = encoder(mode, "https://job.example.com").encode(JobCalls.executeJobPlan(2, 1, VARS, true));
            assertThat(r.toString()).as(mode.name())
                    .isEqualTo("EncodedJobRequest[POST execute_job_plan]")
                    .doesNotContain(SECRET);
        }
    }

    @Test
    void credentials_text_never_shows_the_secret() {
        assertThat(CREDENTIALS.toString())
                .isEqualTo("JobCredentials[appCode=bridge-app, appSecret=******, username=admin]")
                .doesNotContain(SECRET);
    }

    @Test
    void mode_parses_case_insensitively_and_refuses_others() {
        assertThat(JobMode.parse(" ESB ")).isEqualTo(JobMode.ESB);
        assertThat(JobMode.parse("apigw")).isEqualTo(JobMode.APIGW);
        assertThatThrownBy(() -> JobMode.parse("gateway"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bridge.job.mode").hasMessageContaining("'gateway'");
    }
}
