package io.alertjobbridge.lifecycle;

import java.util.List;
import java.util.Map;

import io.alertjobbridge.action.Convergence;
import io.alertjobbridge.action.Convergence.Function;
import io.alertjobbridge.action.ConvergenceKeys;
import io.alertjobbridge.store.ActionStatus;
import io.alertjobbridge.store.ActionStore.GroupMember;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConvergenceGateTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final long T = NOW - 10_000;

    private static Convergence rule(Function f, int count, int cap) {
        return new Convergence(f, 600, count, Convergence.DEFAULT_DIMENSIONS, cap);
    }

    private static GroupMember member(String id, ActionStatus status, long createdAt, Long finishedAt) {
        return new GroupMember(id, status, createdAt, finishedAt, true, true);
    }

    private static ConvergenceGate.Decision decide(Convergence c, List<GroupMember> peers) {
        return ConvergenceGate.decide(c, "me", T, 600, peers, NOW);
    }

    @Test
    void skip_when_success_skips_after_a_recent_success_and_waits_behind_one_in_progress() {
        Convergence c = rule(Function.SKIP_WHEN_SUCCESS, 1, 0);
        assertThat(decide(c, List.of(member("a", ActionStatus.SUCCESS, T - 5000, NOW - 1000))))
                .isInstanceOf(ConvergenceGate.Skip.class);
        assertThat(decide(c, List.of(member("a", ActionStatus.SUCCESS, T - 900_000, NOW - 700_000))))
                .as("success outside the window").isInstanceOf(ConvergenceGate.Proceed.class);
        assertThat(decide(c, List.of(member("a", ActionStatus.RUNNING, T - 5000, null))))
                .isInstanceOf(ConvergenceGate.Wait.class);
        assertThat(decide(c, List.of(member("a", ActionStatus.FAILURE, T - 5000, NOW - 100))))
                .as("a failure does not converge").isInstanceOf(ConvergenceGate.Proceed.class);
    }

    @Test
    void skip_when_proceed_skips_only_behind_an_earlier_one_in_progress() {
        Convergence c = rule(Function.SKIP_WHEN_PROCEED, 1, 0);
        assertThat(decide(c, List.of(member("a", ActionStatus.RECEIVED, T - 1, null))))
                .isInstanceOf(ConvergenceGate.Skip.class);
        assertThat(decide(c, List.of(member("z", ActionStatus.RECEIVED, T + 1, null))))
                .as("a later one never stops an earlier one").isInstanceOf(ConvergenceGate.Proceed.class);
        assertThat(decide(c, List.of(member("a", ActionStatus.RECEIVED, T, null))))
                .as("same time: the smaller id goes first").isInstanceOf(ConvergenceGate.Skip.class);
        assertThat(decide(c, List.of(member("zz", ActionStatus.RECEIVED, T, null))))
                .isInstanceOf(ConvergenceGate.Proceed.class);
    }

    @Test
    void wait_when_proceed_queues_behind_the_running_one_and_gives_up_after_timeout_and_window() {
        Convergence c = rule(Function.WAIT_WHEN_PROCEED, 1, 0);
        ConvergenceGate.Decision d = decide(c, List.of(member("a", ActionStatus.RUNNING, T - 1, null)));
        assertThat(d).isInstanceOf(ConvergenceGate.Wait.class);
        assertThat(((ConvergenceGate.Wait) d).until()).isGreaterThan(NOW);
        assertThat(((ConvergenceGate.Wait) d).reason()).contains("a");

        ConvergenceGate.Decision late = ConvergenceGate.decide(c, "me", NOW - 700_000, 600,
                List.of(member("a", ActionStatus.RUNNING, NOW - 800_000, null)), NOW);
        assertThat(late).isInstanceOf(ConvergenceGate.Skip.class);
    }

    @Test
    void skip_when_exceed_counts_the_ones_ahead_within_the_window() {
        Convergence c = rule(Function.SKIP_WHEN_EXCEED, 2, 0);
        assertThat(decide(c, List.of(member("a", ActionStatus.SUCCESS, T - 2, NOW - 5), member("b", ActionStatus.RUNNING, T - 1, null))))
                .isInstanceOf(ConvergenceGate.Skip.class);
        assertThat(decide(c, List.of(member("a", ActionStatus.SUCCESS, T - 2, NOW - 5), member("b", ActionStatus.SKIPPED, T - 1, NOW))))
                .as("skipped ones did not run").isInstanceOf(ConvergenceGate.Proceed.class);
        assertThat(decide(c, List.of(member("a", ActionStatus.SUCCESS, NOW - 900_000, NOW - 890_000),
                member("b", ActionStatus.SUCCESS, NOW - 900_000, NOW - 890_000))))
                .as("outside the window").isInstanceOf(ConvergenceGate.Proceed.class);
    }

    @Test
    void the_per_host_cap_queues_beyond_the_limit() {
        Convergence c = rule(Function.NONE, 1, 2);
        GroupMember other = new GroupMember("a", ActionStatus.RUNNING, T - 5, null, false, true);
        GroupMember other2 = new GroupMember("b", ActionStatus.CREATED, T - 4, null, false, true);
        assertThat(decide(c, List.of(other))).isInstanceOf(ConvergenceGate.Proceed.class);
        assertThat(decide(c, List.of(other, other2))).isInstanceOf(ConvergenceGate.Wait.class);
        assertThat(decide(c, List.of(new GroupMember("a", ActionStatus.SUCCESS, T - 5, NOW, false, true), other2)))
                .isInstanceOf(ConvergenceGate.Proceed.class);
    }

    @Test
    void keys_group_by_action_and_target_host() {
        Convergence c = rule(Function.SKIP_WHEN_SUCCESS, 1, 0);
        Map<String, Object> a = Map.of("event", Map.of("ip", "10.0.0.1", "bk_cloud_id", 0));
        Map<String, Object> b = Map.of("event", Map.of("ip", "10.0.0.2", "bk_cloud_id", 0));
        ConvergenceKeys.Keys ka = ConvergenceKeys.of(c, "disk-cleanup", 1000043, a);
        assertThat(ConvergenceKeys.of(c, "disk-cleanup", 1000043, a)).isEqualTo(ka);
        assertThat(ConvergenceKeys.of(c, "disk-cleanup", 1000043, b).group()).isNotEqualTo(ka.group());
        assertThat(ConvergenceKeys.of(c, "restart", 1000043, a).group()).isNotEqualTo(ka.group());
        assertThat(ka.host()).isEqualTo("1000043|ip:0:10.0.0.1");
        assertThat(ConvergenceKeys.of(c, "x", 1, Map.of("event", Map.of("bk_host_id", 7))).host()).isEqualTo("1|host:7");
        assertThat(ConvergenceKeys.of(c, "x", 1, Map.of("event", Map.of())).host()).isNull();
    }
}
