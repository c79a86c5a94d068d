package io.alertjobbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertjobbridge.support.JarProcess;
import io.alertjobbridge.support.Alerts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/alert-job-bridge as operators run it: the first start writes the class-data archive with its
 * training run and then serves alerts; the next start maps its classes from that archive.
 */
class LauncherIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    @AfterEach
    void stop() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    private int start(Path dir, Path archive, String run) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = dir.resolve(run + ".log");
        ProcessBuilder pb = new ProcessBuilder(List.of("bin/alert-job-bridge")).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("BRIDGE_JAR", Path.of(System.getProperty("bridge.jar", "target/alert-job-bridge.jar")).toAbsolutePath().toString());
        env.put("BRIDGE_CDS_ARCHIVE", archive.toString());
        env.put("JAVA_OPTS", "-Dbridge.http.port=" + port
                + " -Dbridge.datasource.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()
                + " -Xlog:class+load=info:file=" + dir.resolve(run + "-classes.txt").toAbsolutePath());
        process = pb.start();
        // The first start includes the one-second training run that writes the archive.
        JarProcess.awaitReady(process, port, log, Duration.ofSeconds(150));
        return port;
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void stopGracefully() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
    }

    @Test
    void the_launcher_writes_its_archive_once_then_starts_from_it_and_runs_jobs(@TempDir Path dir) throws Exception {
        Path archive = dir.resolve("bridge.jsa");

        int port = start(dir, archive, "first");
        assertThat(archive).as("class-data archive written by the training run").exists();
        assertThat(Files.readString(dir.resolve("first.log"))).contains("writing the class-data archive");
        String alertId = Alerts.uniqueId();
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/alerts"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer demo-intake-token")
                .POST(HttpRequest.BodyPublishers.ofString(Alerts.diskFull(alertId, "10.0.1.16"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        String actionId = JSON.readTree(posted.body()).path("actions").get(0).path("id").asText();
        JsonNode[] action = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            action[0] = JSON.readTree(get(port, "/api/v1/actions/" + actionId).body());
            return action[0].path("finished_at").isTextual();
        });
        assertThat(action[0].path("status").asText()).as(action[0].toString()).isEqualTo("success");
        stopGracefully();

        int again = start(dir, archive, "second");
        assertThat(Files.readString(dir.resolve("second.log"))).doesNotContain("writing the class-data archive");
        assertThat(Files.readString(dir.resolve("second-classes.txt")))
                .as("classes mapped from the archive").contains("source: shared objects file (top)");
        assertThat(JSON.readTree(get(again, "/api/v1/actions/" + actionId).body()).path("status").asText())
                .as("the restarted bridge reads the same store").isEqualTo("success");
    }
}
