package io.alertjobbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator's routes on a real embedded server (port 0), called over HTTP through both doors. */
class JobSimulatorRoutesTest {

    private static final String AUTH = "{\"bk_app_code\": \"alert-job-bridge\", \"bk_app_secret\": \"test-secret\", \"bk_username\": \"admin\"}";
    private static final String ESB_CREDENTIALS = "\"bk_app_code\": \"alert-job-bridge\", \"bk_app_secret\": \"test-secret\", \"bk_username\": \"admin\"";
    private static final String SCOPE = "\"bk_scope_type\": \"biz\", \"bk_scope_id\": \"2\"";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private DefaultCamelContext context;
    private String base;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void launch_start_poll_and_read_logs_through_both_doors() throws Exception {
        start(Map.of("bridge.job.base-url", " "));

        HttpResponse<String> launched = gatewayPost("execute_job_plan", "{" + SCOPE + ", \"job_plan_id\": 1000043, \"start_task\": false, "
                + "\"global_var_list\": [{\"id\": 1000005, \"server\": {\"ip_list\": [{\"bk_cloud_id\": 0, \"ip\": \"10.0.1.15\"}]}},"
                + "{\"id\": 1000004, \"value\": \"hello, 10.0.1.15\"}]}");
        assertThat(launched.statusCode()).isEqualTo(200);
        long id = json(launched).at("/data/job_instance_id").asLong();
        assertThat(status(id).at("/job_instance/status").asInt()).isEqualTo(1);

        JsonNode started = json(esbPost("operate_job_instance/", "{" + ESB_CREDENTIALS + ", " + SCOPE
                + ", \"job_instance_id\": " + id + ", \"operation_code\": 2}"));
        assertThat(started.path("code").asInt()).isZero();
        assertThat(started.path("request_id").asText()).isNotBlank();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> status(id).path("finished").asBoolean());
        JsonNode done = status(id);
        assertThat(done.at("/job_instance/status").asInt()).isEqualTo(3);
        JsonNode host = done.at("/step_instance_list/0/step_ip_result_list/0");
        long step = done.at("/step_instance_list/0/step_instance_id").asLong();

        JsonNode logs = json(esbPost("batch_get_job_instance_ip_log", "{" + ESB_CREDENTIALS + ", " + SCOPE
                + ", \"job_instance_id\": " + id + ", \"step_instance_id\": " + step
                + ", \"host_id_list\": [" + host.path("bk_host_id").asLong() + "]}"));
        assertThat(logs.at("/data/script_task_logs/0/log_content").asText())
                .contains("hello, 10.0.1.15", "clean temp files on 10.0.1.15 ... ok");
    }

    @Test
    void credentials_are_checked_at_each_door() throws Exception {
        start(Map.of());

        HttpResponse<String> gateway = send(HttpRequest.newBuilder(uri(JobSimulatorRoutes.GATEWAY_PATH + "execute_job_plan"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{" + SCOPE + ", \"job_plan_id\": 1000043}")));
        HttpResponse<String> esb = esbPost("execute_job_plan", "{\"bk_app_code\": \"alert-job-bridge\", "
                + "\"bk_app_secret\": \"guess\", \"bk_username\": \"admin\", " + SCOPE + ", \"job_plan_id\": 1000043}");
        HttpResponse<String> wrongMethod = send(HttpRequest.newBuilder(uri(JobSimulatorRoutes.GATEWAY_PATH + "execute_job_plan"))
                .header("X-Bkapi-Authorization", AUTH).GET());

        assertThat(gateway.statusCode()).isEqualTo(400);
        assertThat(json(gateway).path("code").asInt()).isEqualTo(1640001);
        assertThat(esb.statusCode()).isEqualTo(200);
        assertThat(json(esb).path("code").asInt()).isEqualTo(1306000);
        assertThat(wrongMethod.statusCode()).isEqualTo(404);
        assertThat(json(wrongMethod).path("code").asInt()).isEqualTo(1640401);
    }

    @Test
    void injected_faults_answer_and_expire_and_nothing_inbound_is_echoed() throws Exception {
        start(Map.of());
        long id = json(gatewayPost("execute_job_plan", "{" + SCOPE + ", \"job_plan_id\": 1000043}")).at("/data/job_instance_id").asLong();

        HttpResponse<String> added = send(HttpRequest.newBuilder(uri("/simulator/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"api\": \"get_job_instance_status\", \"http_status\": 503, \"count\": 1}")));
        HttpResponse<String> faulted = getStatus(id);
        HttpResponse<String> recovered = getStatus(id);

        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(faulted.statusCode()).isEqualTo(503);
        assertThat(faulted.body()).isEqualTo("Service Unavailable");
        assertThat(recovered.statusCode()).isEqualTo(200);
        assertThat(recovered.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("X-Bkapi-Authorization")
                || h.equalsIgnoreCase("X-Secret") || h.equalsIgnoreCase("job_instance_id"));
        assertThat(recovered.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));

        JsonNode calls = json(send(HttpRequest.newBuilder(uri("/simulator/calls")).GET()));
        assertThat(calls.at("/calls_by_api/get_job_instance_status").asInt()).isEqualTo(2);
        assertThat(calls.at("/execute_job_plan_by_plan/1000043").asInt()).isEqualTo(1);
        assertThat(calls.path("calls_per_second").size()).isPositive();

        assertThat(send(HttpRequest.newBuilder(uri("/simulator/reset")).POST(HttpRequest.BodyPublishers.noBody())).statusCode())
                .isEqualTo(200);
        assertThat(json(getStatus(id)).path("code").asInt()).isEqualTo(1244006);
    }

    @Test
    void answer_delay_creates_the_instance_at_once_and_answers_after_the_delay() throws Exception {
        start(Map.of());
        long delayMs = 1500;
        HttpResponse<String> added = postFault("{\"api\": \"execute_job_plan\", \"answer_delay_ms\": " + delayMs + ", \"count\": 1}");
        JsonNode pending = json(send(HttpRequest.newBuilder(uri("/simulator/faults")).GET())).path("faults");
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).path("answer_delay_ms").asLong()).isEqualTo(delayMs);
        assertThat(pending.get(0).path("count").asInt()).isEqualTo(1);

        long createdFrom = System.currentTimeMillis() - 1;
        long sentAt = System.nanoTime();
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(HttpRequest.newBuilder(uri(JobSimulatorRoutes.GATEWAY_PATH + "execute_job_plan"))
                .header("X-Bkapi-Authorization", AUTH).header("Content-Type", "application/json").header("X-Secret", "do-not-echo")
                .POST(HttpRequest.BodyPublishers.ofString("{" + SCOPE + ", \"job_plan_id\": 1000043}"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());

        JsonNode listed = await().atMost(Duration.ofMillis(delayMs)).pollInterval(Duration.ofMillis(20))
                .until(() -> instances(createdFrom), page -> page.path("total").asInt() == 1);
        long id = listed.at("/data/0/job_instance_id").asLong();
        HttpResponse<String> statusDuringWait = getStatus(id);
        assertThat(answer).as("the answer is still held while the instance already exists").isNotDone();
        assertThat(statusDuringWait.statusCode()).isEqualTo(200);
        assertThat(json(statusDuringWait).at("/data/job_instance/job_instance_id").asLong()).isEqualTo(id);

        HttpResponse<String> launched = answer.get(20, TimeUnit.SECONDS);
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(delayMs);
        assertThat(launched.statusCode()).isEqualTo(200);
        assertThat(json(launched).at("/data/job_instance_id").asLong()).isEqualTo(id);
        assertThat(launched.headers().firstValue("X-Bkapi-Request-Id")).isPresent();
        assertThat(launched.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("X-Secret")
                || h.equalsIgnoreCase("X-Bkapi-Authorization"));
        assertThat(json(send(HttpRequest.newBuilder(uri("/simulator/faults")).GET())).path("faults")).isEmpty();
        assertThat(json(send(HttpRequest.newBuilder(uri("/simulator/calls")).GET())).at("/execute_job_plan_by_plan/1000043").asInt())
                .isEqualTo(1);
    }

    @Test
    void held_answers_leave_the_server_free_to_answer_other_calls() throws Exception {
        start(Map.of());
        // More held calls than Vert.x has worker threads (20 by default): were each holding one, the status call
        // below would queue behind them and come back only after they had answered.
        int held = 30;
        postFault("{\"api\": \"execute_job_plan\", \"answer_delay_ms\": 3000, \"count\": " + held + "}");
        long createdFrom = System.currentTimeMillis() - 1;

        List<CompletableFuture<HttpResponse<String>>> launches = IntStream.range(0, held)
                .mapToObj(i -> http.sendAsync(HttpRequest.newBuilder(uri(JobSimulatorRoutes.ESB_PATH + "execute_job_plan"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{" + ESB_CREDENTIALS + ", " + SCOPE + ", \"job_plan_id\": 1000043}"))
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()))
                .toList();
        JsonNode listed = await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20))
                .until(() -> instances(createdFrom), page -> page.path("total").asInt() == held);
        HttpResponse<String> status = getStatus(listed.at("/data/0/job_instance_id").asLong());

        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(launches).as("every launch answer is still held").noneMatch(CompletableFuture::isDone);
        CompletableFuture.allOf(launches.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        assertThat(launches).allSatisfy(l -> assertThat(json(l.get()).path("code").asInt()).isZero());
    }

    @Test
    void adds_no_routes_when_a_job_platform_is_configured() throws Exception {
        start(Map.of("bridge.job.base-url", "https://bkapi.example.com/api/bk-job/prod"));

        assertThat(context.getRoutes()).isEmpty();
        assertThat(context.getRegistry().lookupByName(JobSimulatorRoutes.REGISTRY_NAME)).isNull();
    }

    @Test
    void explicit_switch_wins_over_the_base_url() throws Exception {
        start(Map.of("bridge.job.base-url", "https://bkapi.example.com", "bridge.simulator.enabled", "true"));

        assertThat(context.getRoutes()).hasSize(6);
    }

    private void start(Map<String, String> extra) throws Exception {
        context = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindPort(0);
        context.addService(new VertxPlatformHttpServer(server));
        Map<String, String> properties = new HashMap<>(Map.of(
                "bridge.job.app-code", "alert-job-bridge",
                "bridge.simulator.app-secret", "test-secret",
                "bridge.simulator.job-duration-ms", "300"));
        properties.putAll(extra);
        properties.forEach(context.getPropertiesComponent()::addInitialProperty);
        context.addRoutes(new JobSimulatorRoutes());
        context.start();
        base = "http://localhost:" + context.hasService(VertxPlatformHttpServer.class).getPort();
    }

    private HttpResponse<String> postFault(String fault) throws Exception {
        return send(HttpRequest.newBuilder(uri("/simulator/faults")).POST(HttpRequest.BodyPublishers.ofString(fault)));
    }

    /** get_job_instance_list's page of instances created since {@code createdFrom}. */
    private JsonNode instances(long createdFrom) throws Exception {
        String query = "bk_scope_type=biz&bk_scope_id=2&create_time_start=" + createdFrom
                + "&create_time_end=" + (System.currentTimeMillis() + 60_000) + "&length=1";
        return json(send(HttpRequest.newBuilder(uri(JobSimulatorRoutes.GATEWAY_PATH + "get_job_instance_list?" + query))
                .header("X-Bkapi-Authorization", AUTH).GET())).path("data");
    }

    private JsonNode status(long id) throws Exception {
        return json(getStatus(id)).path("data");
    }

    private HttpResponse<String> getStatus(long id) throws Exception {
        String query = "bk_scope_type=biz&bk_scope_id=" + URLEncoder.encode("2", StandardCharsets.UTF_8)
                + "&job_instance_id=" + id + "&return_ip_result=true";
        return send(HttpRequest.newBuilder(uri(JobSimulatorRoutes.GATEWAY_PATH + "get_job_instance_status?" + query))
                .header("X-Bkapi-Authorization", AUTH).header("X-Secret", "do-not-echo").GET());
    }

    private HttpResponse<String> gatewayPost(String api, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(JobSimulatorRoutes.GATEWAY_PATH + api))
                .header("X-Bkapi-Authorization", AUTH).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> esbPost(String api, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(JobSimulatorRoutes.ESB_PATH + api)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static JsonNode json(HttpResponse<String> response) {
        JsonNode node = SimulatorJson.readOrNull(response.body());
        assertThat(node).as("JSON body of HTTP %s: %s", response.statusCode(), response.body()).isNotNull();
        return node;
    }
}
