package io.alertjobbridge.callback;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.alertjobbridge.support.Alerts;
import io.alertjobbridge.support.RunningBridge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Result callbacks to a real HTTP server: delivered when the action ends, retried while the server
 * fails, dead-lettered when it keeps failing, and delivered after a replay.
 */
class ResultCallbackRouteTest {

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            if (status == 200) {
                received.add(body);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
    }

    private RunningBridge bridge(int maxAttempts) throws Exception {
        return RunningBridge.start(Map.of(
                "bridge.actions.dir", "src/test/resources/test-actions",
                "bridge.callbacks.urls", "http://127.0.0.1:" + server.getAddress().getPort() + "/hook",
                "bridge.callbacks.allowed-hosts", "127.0.0.1",
                "bridge.callbacks.max-attempts", String.valueOf(maxAttempts),
                "bridge.callbacks.retry-initial-delay-ms", "100",
                "bridge.callbacks.retry-max-delay-ms", "400",
                "bridge.callbacks.dispatch-interval-ms", "100"));
    }

    @Test
    void a_finished_action_posts_its_result_with_hosts_exit_codes_and_logs() throws Exception {
        failuresLeft.set(2);
        try (RunningBridge bridge = bridge(5)) {
            String alertId = Alerts.uniqueId();
            String id = bridge.postAlert(Alerts.named(alertId, "fail-one-host", "10.0.3.1")).path("actions").get(0)
                    .path("id").asText();
            bridge.awaitFinal(id, Duration.ofSeconds(30));

            await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());
            JsonNode result = RunningBridge.JSON.readTree(received.get(0));
            assertThat(result.path("action_id").asText()).isEqualTo(id);
            assertThat(result.path("alert_id").asText()).isEqualTo(alertId);
            assertThat(result.path("status").asText()).isEqualTo("failure");
            assertThat(result.path("reason").asText()).contains("10.0.9.9");
            assertThat(result.path("job_url").asText()).contains("/api_execute/");
            JsonNode failedHost = result.path("hosts").get(1);
            assertThat(failedHost.path("ip").asText()).isEqualTo("10.0.9.9");
            assertThat(failedHost.path("exit_code").asInt()).isEqualTo(1);
            assertThat(failedHost.path("log_excerpt").asText()).isNotBlank();

            JsonNode callback = bridge.getJson("/api/v1/actions/" + id).path("callbacks").get(0);
            assertThat(callback.path("status").asText()).isEqualTo("delivered");
            assertThat(callback.path("attempts").asInt()).as("two failures, then delivered").isEqualTo(3);
            assertThat(received).hasSize(1);
        }
    }

    @Test
    void a_callback_that_keeps_failing_is_dead_lettered_and_a_replay_delivers_it() throws Exception {
        failuresLeft.set(1000);
        try (RunningBridge bridge = bridge(3)) {
            String id = bridge.postAlert(Alerts.named(Alerts.uniqueId(), "plain-run", "10.0.3.2")).path("actions").get(0)
                    .path("id").asText();
            bridge.awaitFinal(id, Duration.ofSeconds(30));

            JsonNode[] letter = new JsonNode[1];
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (JsonNode d : bridge.getJson("/api/v1/dead-letters").path("dead_letters")) {
                    if (d.path("route_id").asText().equals("deliver-callback") && id.equals(d.path("action_id").asText())) {
                        letter[0] = d;
                        return true;
                    }
                }
                return false;
            });
            assertThat(bridge.getJson("/api/v1/actions/" + id).path("status").asText()).as("the action keeps its outcome")
                    .isEqualTo("success");
            assertThat(bridge.getJson("/api/v1/actions/" + id).path("callbacks").get(0).path("status").asText())
                    .isEqualTo("failed");

            failuresLeft.set(0);
            assertThat(bridge.post("/api/v1/dead-letters/" + letter[0].path("id").asText() + "/replay", "").statusCode())
                    .isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 1);
            assertThat(RunningBridge.JSON.readTree(received.get(0)).path("action_id").asText()).isEqualTo(id);
        }
    }

    @Test
    void a_callback_host_off_the_allowlist_stops_the_start() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunningBridge.start(Map.of(
                "bridge.callbacks.urls", "http://evil.example.net/hook",
                "bridge.callbacks.allowed-hosts", "127.0.0.1")).close())
                .hasStackTraceContaining("evil.example.net").hasStackTraceContaining("bridge.callbacks.allowed-hosts");
    }
}
