package io.alertjobbridge.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertjobbridge.support.JarProcess;
import io.alertjobbridge.support.SimulatorProcess;
import io.alertjobbridge.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two bridges on one PostgreSQL database split 300 actions; one is killed with kill -9 mid-flight.
 * The survivor takes the dead one's actions over once their leases run out and finishes everything:
 * one launch per action, and no action finished twice.
 */
class ClusterKillIT {

    private static final Pattern FINISHED = Pattern.compile("Action (\\S+) \\(alert \\S+\\): (success|failure|timeout)\\b");

    @Test
    void the_survivor_finishes_the_dead_instances_actions_once_each(@TempDir Path dir) throws Exception {
        long from = System.currentTimeMillis() - 1000;
        try (TestDatabases.Fresh db = TestDatabases.fresh("postgresql");
             SimulatorProcess job = SimulatorProcess.start(dir, 4000);
             JarProcess a = JarProcess.start(dir, "bridge-a", flags(job, db, "a"));
             JarProcess b = JarProcess.start(dir, "bridge-b", flags(job, db, "b"))) {
            List<String> ids = new ArrayList<>(KillRecoveryIT.postAlerts(a, KillRecoveryIT.ALERTS / 2));
            ids.addAll(KillRecoveryIT.postAlerts(b, KillRecoveryIT.ALERTS / 2));

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
                JsonNode cluster = b.getJson("/api/v1/cluster");
                int aHolds = 0;
                int bHolds = 0;
                for (JsonNode i : cluster.path("instances")) {
                    if (i.path("id").asText().equals("a")) {
                        aHolds = i.path("leased_actions").asInt();
                    } else if (i.path("id").asText().equals("b")) {
                        bHolds = i.path("leased_actions").asInt();
                    }
                }
                return aHolds > 20 && bHolds > 20
                        && b.getJson("/api/v1/actions?status=running&limit=1000").path("actions").size() >= 60;
            });
            a.kill9();

            List<JsonNode> actions = KillRecoveryIT.awaitAllFinal(b, ids, Duration.ofSeconds(240));
            KillRecoveryIT.assertRanOncePerAction(job, actions, from);

            JsonNode cluster = b.getJson("/api/v1/cluster");
            assertThat(cluster.path("live_instances").asInt()).isEqualTo(1);

            List<String> finishes = new ArrayList<>();
            for (String log : List.of(a.log(), b.log())) {
                Matcher m = FINISHED.matcher(log);
                while (m.find()) {
                    finishes.add(m.group(1));
                }
            }
            // A finish is logged right after its commit, so a kill between the two may leave one unlogged;
            // a second finish of the same action would show as a duplicate.
            assertThat(finishes).as("finish lines of both instances").doesNotHaveDuplicates()
                    .hasSizeGreaterThan(KillRecoveryIT.ALERTS - 5);
        }
    }

    private static String[] flags(SimulatorProcess job, TestDatabases.Fresh db, String instance) {
        List<String> f = new ArrayList<>(List.of(job.bridgeFlags()));
        f.add("-Dbridge.actions.dir=src/test/resources/test-actions");
        f.add("-Dbridge.datasource.url=" + db.url());
        f.add("-Dbridge.datasource.username=" + db.username());
        f.add("-Dbridge.datasource.password=" + db.password());
        f.add("-Dbridge.instance.id=" + instance);
        f.add("-Dbridge.cluster.lease-ms=4000");
        f.add("-Dbridge.cluster.renew-interval-ms=1000");
        f.add("-Dbridge.job.poll-interval-ms=500");
        f.add("-Dbridge.job.max-calls-per-second=400");
        return f.toArray(String[]::new);
    }
}
