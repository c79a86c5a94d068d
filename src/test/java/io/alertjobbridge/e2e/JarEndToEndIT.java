package io.alertjobbridge.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertjobbridge.support.JarProcess;
import io.alertjobbridge.support.Alerts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The jar as users run it: {@code java -jar target/alert-job-bridge.jar} from the repository root,
 * on its embedded defaults (H2 file store, built-in Job simulator), set up only by -D flags.
 */
class JarEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private Path output;

    @AfterEach
    void stop() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    private int startJar(Path dataDir, String... extraFlags) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String jar = System.getProperty("bridge.jar", "target/alert-job-bridge.jar");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dbridge.http.port=" + port,
                "-Dbridge.datasource.url=jdbc:h2:file:" + dataDir.resolve("bridge").toAbsolutePath()));
        cmd.addAll(List.of(extraFlags));
        cmd.addAll(List.of("-jar", jar));
        output = dataDir.resolve("bridge.log");
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        JarProcess.awaitReady(process, port, output, Duration.ofSeconds(60));
        return port;
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_jar_takes_a_disk_alert_and_records_the_finished_job_with_its_logs(@TempDir Path dir) throws Exception {
        int port = startJar(dir);
        String alertId = Alerts.uniqueId();
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/alerts"))
                .header("Content-Type", "application/json")
                // The demo token of application.properties (bridge.intake.token): the alert endpoints require one.
                .header("Authorization", "Bearer demo-intake-token")
                .POST(HttpRequest.BodyPublishers.ofString(Alerts.diskFull(alertId, "10.0.1.15"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(202);
        String actionId = JSON.readTree(posted.body()).path("actions").get(0).path("id").asText();

        JsonNode[] action = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            action[0] = JSON.readTree(get(port, "/api/v1/actions/" + actionId).body());
            return action[0].path("finished_at").isTextual();
        });

        assertThat(action[0].path("status").asText()).as(action[0].toString()).isEqualTo("success");
        assertThat(action[0].path("alert_id").asText()).isEqualTo(alertId);
        JsonNode host = action[0].path("steps").get(0).path("hosts").get(0);
        assertThat(host.path("ip").asText()).isEqualTo("10.0.1.15");
        assertThat(host.path("log").asText()).contains("10.0.1.15");
        assertThat(Files.readString(output)).contains("Built-in Job simulator").doesNotContain("simulator-demo-secret");
    }
}
