package io.alertjobbridge.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.alertjobbridge.action.Convergence;
import io.alertjobbridge.store.ActionStatus;
import io.alertjobbridge.store.ActionStore.GroupMember;

/**
 * Decides, before an action launches, whether it runs now, waits, or is skipped: bk-monitor's
 * convergence functions over the action's group, and the cap on running actions per (plan, host).
 * Deterministic whatever the timing: actions are ordered by (created_at, id), and only the ones
 * ahead of this one count as "in progress before it", so two that arrive together never wait for
 * each other, and only one of them runs first.
 */
public final class ConvergenceGate {

    /** How often a waiting action checks again. */
    static final long RECHECK_MS = 2_000;

    public sealed interface Decision permits Proceed, Wait, Skip {
    }

    public record Proceed() implements Decision {
    }

    public record Wait(long until, String reason) implements Decision {
    }

    public record Skip(String reason) implements Decision {
    }

    private ConvergenceGate() {
    }

    public static Decision decide(Convergence c, String id, long createdAt, int timeoutSeconds, List<GroupMember> peers,
                                  long now) {
        long window = c.timedeltaSeconds() * 1000L;
        List<GroupMember> ahead = peers.stream().filter(p -> !p.id().equals(id) && before(p, id, createdAt)).toList();
        Optional<GroupMember> groupBusy = ahead.stream().filter(GroupMember::sameGroup).filter(p -> !p.status().isFinal()).findFirst();
        switch (c.function()) {
            case SKIP_WHEN_SUCCESS -> {
                Optional<GroupMember> succeeded = peers.stream().filter(p -> !p.id().equals(id)).filter(GroupMember::sameGroup)
                        .filter(p -> p.status() == ActionStatus.SUCCESS && p.finishedAt() != null
                                && p.finishedAt() >= now - window).findFirst();
                if (succeeded.isPresent()) {
                    return new Skip("converged (skip_when_success): action " + succeeded.get().id() + " of the same group"
                            + " succeeded at " + Instant.ofEpochMilli(succeeded.get().finishedAt()) + ", within "
                            + c.timedeltaSeconds() + " s");
                }
                if (groupBusy.isPresent()) {
                    return waitOrGiveUp(c, createdAt, timeoutSeconds, now, "waiting (skip_when_success) for action "
                            + groupBusy.get().id() + " of the same group, still in progress");
                }
            }
            case SKIP_WHEN_PROCEED -> {
                if (groupBusy.isPresent()) {
                    return new Skip("converged (skip_when_proceed): action " + groupBusy.get().id()
                            + " of the same group is in progress");
                }
            }
            case WAIT_WHEN_PROCEED -> {
                if (groupBusy.isPresent()) {
                    return waitOrGiveUp(c, createdAt, timeoutSeconds, now, "queued (wait_when_proceed) behind action "
                            + groupBusy.get().id() + " of the same group");
                }
            }
            case SKIP_WHEN_EXCEED -> {
                long ran = ahead.stream().filter(GroupMember::sameGroup).filter(p -> p.createdAt() >= now - window)
                        .filter(p -> p.status() != ActionStatus.SKIPPED).count();
                if (ran >= c.count()) {
                    return new Skip("converged (skip_when_exceed): " + ran + " action(s) of the same group within "
                            + c.timedeltaSeconds() + " s, the limit is " + c.count());
                }
            }
            case NONE -> {
                // no group rule
            }
        }
        if (c.maxRunningPerHost() > 0) {
            long busy = ahead.stream().filter(GroupMember::sameHost).filter(p -> !p.status().isFinal()).count();
            if (busy >= c.maxRunningPerHost()) {
                return new Wait(now + RECHECK_MS, "queued: " + busy + " action(s) of this plan are in progress on the"
                        + " same host, the cap is " + c.maxRunningPerHost());
            }
        }
        return new Proceed();
    }

    /** As bk-monitor: an action that waited longer than its timeout and the window is skipped. */
    private static Decision waitOrGiveUp(Convergence c, long createdAt, int timeoutSeconds, long now, String reason) {
        long limit = Math.max(timeoutSeconds, c.timedeltaSeconds()) * 1000L;
        if (now - createdAt > limit) {
            return new Skip("converged: " + reason + " for longer than " + limit / 1000 + " s");
        }
        return new Wait(now + RECHECK_MS, reason);
    }

    private static boolean before(GroupMember p, String id, long createdAt) {
        return p.createdAt() < createdAt || (p.createdAt() == createdAt && p.id().compareTo(id) < 0);
    }
}
