package io.alertjobbridge.store;

import java.util.Locale;

/**
 * The stored states of an action. Each in-flight state names the next step the lifecycle takes;
 * the final states are never left (except by a dead-letter replay, which reopens the action).
 */
public enum ActionStatus {
    /** Accepted and committed; the plan is not launched yet. */
    RECEIVED(false),
    /** execute_job_plan may have been sent without two-phase launch: never resent blindly. */
    LAUNCHING(false),
    /** The instance exists in Job (status 1, not started) and its id is committed: start it. */
    CREATED(false),
    /** The job runs: poll its status until it ends or the action times out. */
    RUNNING(false),
    /** The action timed out: terminate the Job instance. */
    TERMINATING(false),
    /** The job ended: fetch the per-host logs, then record the outcome. */
    FETCHING_LOGS(false),
    SUCCESS(true),
    FAILURE(true),
    TIMEOUT(true),
    /** A launch whose answer was lost without two-phase launch: an operator must resolve it. */
    LAUNCH_UNKNOWN(true),
    /** Converged: not run because of its action's convergence rule; the reason says which. */
    SKIPPED(true);

    private final boolean terminal;

    ActionStatus(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean isFinal() {
        return terminal;
    }

    /** The name used in the API and the database: lower case, as in bk-monitor ("received", "success"). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ActionStatus fromWire(String value) {
        for (ActionStatus s : values()) {
            if (s.wireName().equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown action status '" + value + "'");
    }
}
