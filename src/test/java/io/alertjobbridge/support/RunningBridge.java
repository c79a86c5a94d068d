package io.alertjobbridge.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertjobbridge.BridgeApplication;
import io.alertjobbridge.config.LocalHttpPort;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

import static org.awaitility.Awaitility.await;

/**
 * The real bridge, booted in this JVM as the jar boots it (application.properties, routes/ and the
 * built-in Job simulator from the repository root), on a free port with its own in-memory H2
 * database. Tests override settings; they never edit files.
 */
public final class RunningBridge implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final Main main;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private RunningBridge(Main main, String base) {
        this.main = main;
        this.base = base;
    }

    /** Defaults for tests: fast polls, short simulated jobs, quick retries; then the caller's overrides. */
    public static RunningBridge start(Map<String, String> overrides) throws Exception {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bridge.http.port", "0");
        props.put("bridge.datasource.url", "jdbc:h2:mem:bridge-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        props.put("bridge.job.poll-interval-ms", "200");
        props.put("bridge.job.retry-initial-delay-ms", "100");
        props.put("bridge.job.retry-max-delay-ms", "1000");
        props.put("bridge.job.max-calls-per-second", "200");
        props.put("bridge.simulator.job-duration-ms", "600");
        props.put("bridge.lifecycle.dispatch-interval-ms", "50");
        props.putAll(overrides);
        Main main = new Main(BridgeApplication.class);
        main.setDefaultPropertyPlaceholderLocation("file:application.properties");
        props.forEach(main::addOverrideProperty);
        main.start();
        CamelContext context = main.getCamelContext();
        return new RunningBridge(main, "http://127.0.0.1:" + LocalHttpPort.of(context));
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public String base() {
        return base;
    }

    public HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return post(path, body, "application/json");
    }

    /**
     * Posts with the content type given; to the alert endpoints ({@code /api/v1/alerts*}) with the
     * configured bearer token (bridge.intake.token), as a sender set up for the bridge does.
     */
    public HttpResponse<String> post(String path, String body, String contentType) throws IOException, InterruptedException {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        if (path.startsWith("/api/v1/alerts")) {
            headers.put("Authorization", "Bearer " + intakeToken());
        }
        return postRaw(path, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers);
    }

    /** Posts exactly these bytes with exactly these headers: no token added. */
    public HttpResponse<String> postRaw(String path, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The bearer token the alert endpoints take: bridge.intake.token as this bridge resolved it. */
    public String intakeToken() {
        return context().getPropertiesComponent().resolveProperty("bridge.intake.token")
                .map(v -> context().resolvePropertyPlaceholders(v).trim())
                .orElseThrow(() -> new IllegalStateException("bridge.intake.token is not set"));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** Posts an alert and returns the accepted reply; fails unless the bridge answered 202. */
    public JsonNode postAlert(String json) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/api/v1/alerts", json);
        if (r.statusCode() != 202) {
            throw new IllegalStateException("alert not accepted: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** Waits until the action reaches a final status and returns the whole record. */
    public JsonNode awaitFinal(String actionId, Duration within) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = getJson("/api/v1/actions/" + actionId);
            String status = last[0].path("status").asText();
            return !status.equals("received") && !status.equals("created") && !status.equals("running")
                    && !status.equals("terminating") && !status.equals("fetching_logs") && !status.equals("launching");
        });
        return last[0];
    }

    public JsonNode simulatorCalls() throws IOException, InterruptedException {
        return getJson("/simulator/calls");
    }

    public void injectFault(String json) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/simulator/faults", json);
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("fault not accepted: " + r.statusCode() + " " + r.body());
        }
    }

    public void clearFaults() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/simulator/faults"))
                .timeout(Duration.ofSeconds(30)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("faults not cleared: " + r.statusCode() + " " + r.body());
        }
    }

    @Override
    public void close() throws Exception {
        main.stop();
    }
}
