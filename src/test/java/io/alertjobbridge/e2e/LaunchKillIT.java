package io.alertjobbridge.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertjobbridge.support.Alerts;
import io.alertjobbridge.support.JarProcess;
import io.alertjobbridge.support.SimulatorProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Without two-phase launch, the bridge is killed after execute_job_plan reached Job and before its
 * answer was recorded (the simulator acts at once and holds its answer back). After the restart
 * the action is adopted when exactly one unknown instance fits, and ends as launch_unknown, with
 * the evidence, when more than one does.
 */
class LaunchKillIT {

    private static String[] flags(SimulatorProcess job, Path dir) {
        return KillRecoveryIT.flags(job, dir, "-Dbridge.job.two-phase-launch=false",
                "-Dbridge.job.launch-answer-wait-ms=2000");
    }

    private static String launchAndKillBeforeTheAnswer(SimulatorProcess job, JarProcess bridge,
                                                       Runnable beforeKill) throws Exception {
        job.fault("{\"api\": \"execute_job_plan\", \"answer_delay_ms\": 30000, \"count\": 1}");
        var posted = bridge.post("/api/v1/alerts", Alerts.named(Alerts.uniqueId(), "plain-run", "10.0.9.1"));
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(posted.body())
                .path("actions").get(0).path("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                job.calls().path("calls_by_api").path("execute_job_plan").asInt() >= 1
                        && bridge.getJson("/api/v1/actions/" + id).path("status").asText().equals("launching"));
        beforeKill.run();
        bridge.kill9();
        bridge.restart();
        return id;
    }

    private static JsonNode awaitFinal(JarProcess bridge, String id) {
        return KillRecoveryIT.awaitAllFinal(bridge, List.of(id), Duration.ofSeconds(90)).get(0);
    }

    @Test
    void the_one_instance_a_lost_launch_created_is_adopted(@TempDir Path dir) throws Exception {
        long from = System.currentTimeMillis() - 1000;
        try (SimulatorProcess job = SimulatorProcess.start(dir, 2000);
             JarProcess bridge = JarProcess.start(dir, "bridge", flags(job, dir))) {
            String id = launchAndKillBeforeTheAnswer(job, bridge, () -> { });

            JsonNode summary = awaitFinal(bridge, id);
            JsonNode action = bridge.getJson("/api/v1/actions/" + id);

            assertThat(summary.path("status").asText()).isEqualTo("success");
            List<JsonNode> instances = job.instancesOfPlan(1000043L, from);
            assertThat(instances).hasSize(1);
            assertThat(action.path("job_instance_id").asLong()).isEqualTo(instances.get(0).path("job_instance_id").asLong());
            assertThat(job.calls().path("calls_by_api").path("execute_job_plan").asInt()).as("never resent").isEqualTo(1);
            assertThat(bridge.log()).contains("adopted job instance " + instances.get(0).path("job_instance_id").asLong());
        }
    }

    @Test
    void with_two_candidates_the_action_ends_launch_unknown_with_the_evidence(@TempDir Path dir) throws Exception {
        try (SimulatorProcess job = SimulatorProcess.start(dir, 2000);
             JarProcess bridge = JarProcess.start(dir, "bridge", flags(job, dir))) {
            long[] byHand = new long[1];
            String id = launchAndKillBeforeTheAnswer(job, bridge, () -> {
                try {
                    // Someone runs the same plan with the bridge's account meanwhile: the listing cannot tell them apart.
                    byHand[0] = job.launchByHand(1000043L);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            JsonNode summary = awaitFinal(bridge, id);

            assertThat(summary.path("status").asText()).isEqualTo("launch_unknown");
            assertThat(summary.path("reason").asText()).contains("2 unknown instances").contains(String.valueOf(byHand[0]));
            assertThat(job.calls().path("calls_by_api").path("execute_job_plan").asInt()).as("never resent").isEqualTo(2);
        }
    }
}
