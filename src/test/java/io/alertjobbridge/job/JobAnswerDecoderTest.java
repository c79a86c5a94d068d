package io.alertjobbridge.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Known answers from bk-job-api.md sections 3, 7.2, 7.3, 7.4 and 7.5. */
class JobAnswerDecoderTest {

    private final JobAnswerDecoder decoder = new JobAnswerDecoder(new ObjectMapper());

    @Test
    void result_true_is_ok_with_its_data() {
        JobAnswer a = decoder.decode(200, """
                {"result": true, "code": 0, "data": {"job_instance_id": 20007, "job_instance_name": "deploy-web"}, "job_request_id": "6c1f0c2ad1e94c7b"}
                """);

        assertThat(a.kind()).isEqualTo(JobAnswer.Kind.OK);
        assertThat(a.ok()).isTrue();
        assertThat(a.httpStatus()).isEqualTo(200);
        assertThat(a.code()).isZero();
        assertThat(a.data().path("job_instance_id").asLong()).isEqualTo(20007L);
        assertThat(a.data().path("job_instance_name").asText()).isEqualTo("deploy-web");
        assertThat(a.permission()).isNull();
        assertThat(a.describe()).isEqualTo("ok");
    }

    @Test
    void result_false_plan_not_found_is_rejected_with_code_and_message() {
        JobAnswer a = decoder.decode(200, """
                {"result": false, "code": 1244012, "message": "Job plan does not exist", "job_request_id": "x"}
                """);

        assertThat(a.kind()).isEqualTo(JobAnswer.Kind.REJECTED);
        assertThat(a.ok()).isFalse();
        assertThat(a.code()).isEqualTo(1244012L);
        assertThat(a.message()).isEqualTo("Job plan does not exist");
        assertThat(a.data()).isNull();
        assertThat(a.permission()).isNull();
        assertThat(a.describe()).isEqualTo("Job API code 1244012: Job plan does not exist");
    }

    @Test
    void result_false_without_message_says_result_false() {
        JobAnswer a = decoder.decode(200, "{\"result\": false, \"code\": 1240002}");

        assertThat(a.kind()).isEqualTo(JobAnswer.Kind.REJECTED);
        assertThat(a.message()).isEqualTo("result false");
    }

    @Test
    void permission_denied_is_rejected_carrying_the_permission_payload() {
        JobAnswer a = decoder.decode(200, """
                {
                  "result": false, "code": 9900403,
                  "message": "User (alice) permission not allowed, please confirm and apply permission in IAM and try again",
                  "job_request_id": "f02c",
                  "permission": {
                    "system_id": "bk_job", "system_name": "Job",
                    "actions": [{
                      "id": "launch_job_plan", "name": "Launch job plan",
                      "related_resource_types": [{
                        "system_id": "bk_job", "system_name": "Job", "type": "job_plan", "type_name": "Job plan",
                        "instances": [[{"type": "biz", "type_name": "Business", "id": "2", "name": "demo"},
                                       {"type": "job_plan", "type_name": "Job plan", "id": "1001", "name": "deploy-web"}]]
                      }]
                    }]
                  }
                }
                """);

        assertThat(a.kind()).isEqualTo(JobAnswer.Kind.REJECTED);
        assertThat(a.code()).isEqualTo(9900403L);
        assertThat(a.message()).startsWith("User (alice) permission not allowed");
        assertThat(a.permission()).isNotNull();
        assertThat(a.permission().path("system_id").asText()).isEqualTo("bk_job");
        assertThat(a.permission().path("actions").get(0).path("id").asText()).isEqualTo("launch_job_plan");
    }

    @Test
    void permission_payload_under_data_is_also_found() {
        JobAnswer a = decoder.decode(200,
                "{\"result\": false, \"code\": 9900403, \"message\": \"no\", \"data\": {\"permission\": {\"system_id\": \"bk_job\"}}}");

        assertThat(a.permission().path("system_id").asText()).isEqualTo("bk_job");
    }

    @Test
    void other_codes_carry_no_permission_even_if_present() {
        JobAnswer a = decoder.decode(200,
                "{\"result\": false, \"code\": 1238001, \"message\": \"denied\", \"permission\": {\"system_id\": \"bk_job\"}}");

        assertThat(a.kind()).isEqualTo(JobAnswer.Kind.REJECTED);
        assertThat(a.permission()).isNull();
    }

    @ParameterizedTest
    @ValueSource(longs = {1244032L, 1244033L, 1244034L})
    void running_job_quota_codes_are_throttled(long code) {
        JobAnswer a = decoder.decode(200, "{\"result\": false, \"code\": " + code
                + ", \"message\": \"The total number of jobs currently executed exceeds the quota limit\"}");

        assertThat(a.kind()).isEqualTo(JobAnswer.Kind.THROTTLED);
        assertThat(a.code()).isEqualTo(code);
        assertThat(a.message()).contains("quota limit");
    }

    @Test
    void esb_rate_limit_with_http_200_is_throttled() {
        JobAnswer a = decoder.decode(200, """
                {"result": false, "code": 1306429, "data": null,
                 "message": "Access frequency of APP [bridge] to component [execute_job_plan] exceeds the limit", "request_id": "r1"}
                """);

        assertThat(a.kind()).isEqualTo(JobAnswer.Kind.THROTTLED);
        assertThat(a.code()).isEqualTo(1306429L);
        assertThat(a.httpStatus()).isEqualTo(200);
    }

    @Test
    void other_esb_error_is_rejected() {
        JobAnswer a = decoder.decode(200,
                "{\"result\": false, \"code\": 1306000, \"data\": null, \"message\": \"app secret wrong\", \"request_id\": \"r\"}");

        assertThat(a.kind()).isEqualTo(JobAnswer.Kind.REJECTED);
        assertThat(a.code()).isEqualTo(1306000L);
    }

    @Test
    void gateway_429_rate_limit_is_throttled() {
        JobAnswer a = decoder.decode(429, """
                {"code_name": "RATE_LIMIT_RESTRICTION", "message": "API rate limit exceeded by stage strategy",
                 "result": false, "data": null, "code": 1642902}
                """);

        assertThat(a.kind()).isEqualTo(JobAnswer.Kind.THROTTLED);
        assertThat(a.httpStatus()).isEqualTo(429);
        assertThat(a.code()).isEqualTo(1642902L);
        assertThat(a.message()).isEqualTo("API rate limit exceeded by stage strategy");
        assertThat(a.describe()).isEqualTo("Job API code 1642902 (HTTP 429): API rate limit exceeded by stage strategy");
    }

    @Test
    void bare_429_without_a_body_is_throttled() {
        JobAnswer a = decoder.decode(429, "");

        assertThat(a.kind()).isEqualTo(JobAnswer.Kind.THROTTLED);
        assertThat(a.message()).isEqualTo("rate limited");
    }

    static Stream<Arguments> gatewayServerErrors() {
        return Stream.of(
                Arguments.of(502, 1650200L, "BAD_GATEWAY"),
                Arguments.of(502, 1650201L, "ERROR_REQUESTING_RESOURCE"),
                Arguments.of(504, 1650401L, "REQUEST_BACKEND_TIMEOUT"));
    }

    @ParameterizedTest
    @MethodSource("gatewayServerErrors")
    void gateway_502_and_504_are_answer_lost(int status, long code, String codeName) {
        JobAnswer a = decoder.decode(status, "{\"result\": false, \"code\": " + code + ", \"code_name\": \"" + codeName
                + "\", \"message\": \"backend trouble\", \"data\": null}");

        assertThat(a.kind()).isEqualTo(JobAnswer.Kind.ANSWER_LOST);
        assertThat(a.httpStatus()).isEqualTo(status);
        assertThat(a.code()).isEqualTo(code);
        assertThat(a.describe()).isEqualTo("Job API answer lost (HTTP " + status + ", code " + code + ": backend trouble)");
    }

    @Test
    void http_500_plain_text_is_answer_lost() {
        JobAnswer a = decoder.decode(500, "Internal Server Error");

        assertThat(a.kind()).isEqualTo(JobAnswer.Kind.ANSWER_LOST);
        assertThat(a.code()).isZero();
        assertThat(a.message()).isEqualTo("server error");
        assertThat(a.describe()).isEqualTo("Job API answer lost (HTTP 500: server error)");
    }

    @Test
    void gateway_400_invalid_args_is_rejected() {
        JobAnswer a = decoder.decode(400, """
                {"result": false, "code": 1640001, "code_name": "INVALID_ARGS",
                 "message": "App authentication failed, please provide a valid X-Bkapi-Authorization", "data": null}
                """);

        assertThat(a.kind()).isEqualTo(JobAnswer.Kind.REJECTED);
        assertThat(a.httpStatus()).isEqualTo(400);
        assertThat(a.code()).isEqualTo(1640001L);
        assertThat(a.describe()).startsWith("Job API code 1640001 (HTTP 400): App authentication failed");
    }

    @Test
    void gateway_404_wrong_method_is_rejected() {
        JobAnswer a = decoder.decode(404,
                "{\"result\": false, \"code\": 1640401, \"code_name\": \"API_NOT_FOUND\", \"message\": \"API not found\", \"data\": null}");

        assertThat(a.kind()).isEqualTo(JobAnswer.Kind.REJECTED);
        assertThat(a.code()).isEqualTo(1640401L);
    }

    @Test
    void http_401_without_a_body_is_rejected() {
        JobAnswer a = decoder.decode(401, null);

        assertThat(a.kind()).isEqualTo(JobAnswer.Kind.REJECTED);
        assertThat(a.message()).isEqualTo("HTTP 401 without a Job envelope");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html><body>Welcome to nginx!</body></html>", "", "{\"status\": \"ok\"}", "[1, 2]", "{\"result\": "})
    void http_200_without_a_job_envelope_is_answer_lost(String body) {
        JobAnswer a = decoder.decode(200, body);

        assertThat(a.kind()).isEqualTo(JobAnswer.Kind.ANSWER_LOST);
        assertThat(a.ok()).isFalse();
        assertThat(a.message()).isEqualTo("HTTP 200 without a Job envelope");
    }

    @Test
    void describe_never_quotes_a_response_body_that_echoes_the_request() {
        String echo = "POST /api/c/compapi/v2/jobv3/execute_job_plan/ {\"bk_app_code\":\"bridge\","
                + "\"bk_app_secret\":\"s3cret-value\",\"bk_username\":\"admin\",\"job_plan_id\":1}";

        for (int status : new int[] {200, 400, 403, 429, 500, 502, 504}) {
            JobAnswer a = decoder.decode(status, echo);
            assertThat(a.describe()).as("HTTP %d", status).doesNotContain("s3cret-value").doesNotContain("bk_app_secret");
            assertThat(a.message()).as("HTTP %d", status).doesNotContain("s3cret-value");
        }
    }

    // ---- transport errors --------------------------------------------------------------------------

    static Stream<Arguments> notSent() {
        return Stream.of(
                Arguments.of(new ConnectException("Connection refused")),
                Arguments.of(new HttpHostConnectException("Connect to http://job.example.com:8080 failed: Connection refused",
                        new HttpHost("http", "job.example.com", 8080))),
                Arguments.of(new ConnectTimeoutException("Connect to job.example.com:443 timed out")),
                Arguments.of(new UnknownHostException("job.example.invalid")),
                Arguments.of(new NoRouteToHostException("No route to host")),
                Arguments.of(new RuntimeException("camel wrapper", new UnknownHostException("job.example.invalid"))),
                Arguments.of(new RuntimeException("outer", new IOException("middle", new ConnectException("refused")))));
    }

    @ParameterizedTest
    @MethodSource("notSent")
    void failures_before_the_request_left_are_not_sent(Throwable error) {
        JobAnswer a = decoder.fromTransportError(error);

        assertThat(a.kind()).isEqualTo(JobAnswer.Kind.NOT_SENT);
        assertThat(a.httpStatus()).isZero();
        assertThat(a.describe()).startsWith("Job API unreachable: ");
    }

    @Test
    void not_sent_describes_the_innermost_connect_failure() {
        JobAnswer a = decoder.fromTransportError(new RuntimeException("wrapper", new UnknownHostException("job.example.invalid")));

        assertThat(a.describe()).isEqualTo("Job API unreachable: UnknownHostException: job.example.invalid");
    }

    static Stream<Arguments> answerLost() {
        return Stream.of(
                Arguments.of(new SocketTimeoutException("Read timed out")),
                Arguments.of(new IOException("Connection reset")),
                Arguments.of(new SocketException("Broken pipe")),
                Arguments.of(new RuntimeException("wrapper", new SocketTimeoutException("Read timed out"))),
                Arguments.of(new IllegalStateException()));
    }

    @ParameterizedTest
    @MethodSource("answerLost")
    void failures_after_the_request_may_have_left_are_answer_lost(Throwable error) {
        JobAnswer a = decoder.fromTransportError(error);

        assertThat(a.kind()).isEqualTo(JobAnswer.Kind.ANSWER_LOST);
        assertThat(a.httpStatus()).isZero();
        assertThat(a.describe()).startsWith("Job API answer lost (" + error.getClass().getSimpleName());
    }

    @Test
    void self_caused_exception_does_not_loop() {
        IOException odd = new IOException("odd") {
            @Override
            public synchronized Throwable getCause() {
                return this;
            }
        };

        assertThat(decoder.fromTransportError(odd).kind()).isEqualTo(JobAnswer.Kind.ANSWER_LOST);
    }
}
