package io.alertjobbridge.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertjobbridge.support.Alerts;
import io.alertjobbridge.support.JarProcess;
import io.alertjobbridge.support.SimulatorProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 of the jar while 300 jobs run, then a restart on the same H2 file: every action reaches a
 * final state and Job ran exactly one instance per action. The simulator lives in its own process,
 * so it outlives the kill and reports what it saw.
 */
class KillRecoveryIT {

    static final int ALERTS = 300;
    static final Set<String> FINAL = Set.of("success", "failure", "timeout", "launch_unknown");

    @Test
    void a_bridge_killed_mid_flight_finishes_everything_after_restart_and_runs_each_plan_once(@TempDir Path dir)
            throws Exception {
        long from = System.currentTimeMillis() - 1000;
        try (SimulatorProcess job = SimulatorProcess.start(dir, 4000);
             JarProcess bridge = JarProcess.start(dir, "bridge", flags(job, dir))) {
            List<String> ids = postAlerts(bridge, ALERTS);

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
                    bridge.getJson("/api/v1/actions?status=running&limit=1000").path("actions").size() >= ALERTS / 3);
            bridge.kill9();
            bridge.restart();

            List<JsonNode> actions = awaitAllFinal(bridge, ids, Duration.ofSeconds(180));
            assertRanOncePerAction(job, actions, from);
        }
    }

    static String[] flags(SimulatorProcess job, Path dir, String... more) {
        List<String> f = new ArrayList<>(List.of(job.bridgeFlags()));
        f.add("-Dbridge.actions.dir=src/test/resources/test-actions");
        f.add("-Dbridge.datasource.url=jdbc:h2:file:" + dir.resolve("store").toAbsolutePath());
        f.add("-Dbridge.instance.id=kill-test");
        f.add("-Dbridge.job.poll-interval-ms=500");
        f.add("-Dbridge.job.max-calls-per-second=400");
        f.addAll(List.of(more));
        return f.toArray(String[]::new);
    }

    /** Posts n alerts that the plain-run test action (plan 1000043) matches; returns the action ids. */
    static List<String> postAlerts(JarProcess bridge, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<String>> posted = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            posted.add(pool.submit(() -> {
                var r = bridge.post("/api/v1/alerts", Alerts.named(Alerts.uniqueId(), "plain-run", "10.0.8.1"));
                assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
                return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body())
                        .path("actions").get(0).path("id").asText();
            }));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> f : posted) {
            ids.add(f.get());
        }
        pool.shutdown();
        return ids;
    }

    static List<JsonNode> awaitAllFinal(JarProcess bridge, List<String> ids, Duration within) {
        List<JsonNode> last = new ArrayList<>();
        await().atMost(within).pollInterval(Duration.ofSeconds(1)).until(() -> {
            last.clear();
            for (JsonNode a : bridge.getJson("/api/v1/actions?limit=1000").path("actions")) {
                if (ids.contains(a.path("id").asText())) {
                    last.add(a);
                }
            }
            return last.size() == ids.size() && last.stream().allMatch(a -> FINAL.contains(a.path("status").asText()));
        });
        return last;
    }

    /** Every action succeeded with its own job instance, and Job started exactly one instance per action. */
    static void assertRanOncePerAction(SimulatorProcess job, List<JsonNode> actions, long from) throws Exception {
        assertThat(actions).allSatisfy(a -> assertThat(a.path("status").asText()).as(a.toString()).isEqualTo("success"));
        Set<Long> recorded = new HashSet<>();
        actions.forEach(a -> recorded.add(a.path("job_instance_id").asLong()));
        assertThat(recorded).as("one job instance per action").hasSize(actions.size());

        Set<Long> started = new HashSet<>();
        for (JsonNode i : job.instancesOfPlan(1000043L, from)) {
            if (i.path("status").asInt() != 1) {
                started.add(i.path("job_instance_id").asLong());
            }
        }
        assertThat(started).as("instances Job started").hasSize(actions.size());
        assertThat(started).containsExactlyInAnyOrderElementsOf(recorded);
    }
}
