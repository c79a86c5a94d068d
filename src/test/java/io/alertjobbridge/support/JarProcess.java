package io.alertjobbridge.support;

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

import static org.awaitility.Awaitility.await;

/**
 * The fat jar as users run it: {@code java -D... -jar target/alert-job-bridge.jar} from the
 * repository root, its output in a log file, stopped with SIGTERM or killed with SIGKILL.
 */
public final class JarProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<String> command;
    private final Path log;
    private final int port;
    private Process process;
    private int starts;

    private JarProcess(List<String> command, Path log, int port) {
        this.command = command;
        this.log = log;
        this.port = port;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts the jar on a free port with the given -D flags and waits until it is ready. */
    public static JarProcess start(Path logDir, String name, String... flags) throws Exception {
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dbridge.http.port=" + port));
        cmd.addAll(List.of(flags));
        cmd.addAll(List.of("-jar", System.getProperty("bridge.jar", "target/alert-job-bridge.jar")));
        JarProcess p = new JarProcess(cmd, logDir.resolve(name + ".log"), port);
        p.restart();
        return p;
    }

    /** Starts (again) with the same command; the log of every start is kept, one after the other. */
    public void restart() throws Exception {
        starts++;
        Files.writeString(log, "==== start " + starts + " ====\n", Files.exists(log)
                ? java.nio.file.StandardOpenOption.APPEND : java.nio.file.StandardOpenOption.CREATE);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        awaitReady(process, port, log, Duration.ofSeconds(90));
    }

    /**
     * Waits until the bridge on {@code port} answers 200 on its readiness probe; fails at once, with
     * its log, if the process exits first.
     */
    public static void awaitReady(Process process, int port, Path log, Duration atMost) {
        URI ready = URI.create("http://127.0.0.1:" + port + "/observe/health/ready");
        await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the bridge exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try {
                return HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(30)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** SIGKILL: no shutdown hook, no graceful stop, as a crash or an OOM killer does it. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM and the exit code. */
    public int terminate() throws InterruptedException {
        process.destroy();
        return process.waitFor();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public int port() {
        return port;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** Posts JSON; to the alert endpoints ({@code /api/v1/alerts*}) with the configured bearer token. */
    public HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (path.startsWith("/api/v1/alerts")) {
            b.header("Authorization", "Bearer " + intakeToken());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * bridge.intake.token as the jar resolves it: a -D flag of this process's command, else the
     * environment (BRIDGE_INTAKE_TOKEN), else application.properties in the working directory.
     */
    String intakeToken() throws IOException {
        for (String arg : command) {
            if (arg.startsWith("-Dbridge.intake.token=")) {
                return arg.substring("-Dbridge.intake.token=".length());
            }
        }
        String env = System.getenv("BRIDGE_INTAKE_TOKEN");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        java.util.Properties file = new java.util.Properties();
        try (var in = Files.newBufferedReader(Path.of("application.properties"))) {
            file.load(in);
        }
        return file.getProperty("bridge.intake.token", "").trim();
    }

    @Override
    public void close() throws InterruptedException {
        if (alive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
