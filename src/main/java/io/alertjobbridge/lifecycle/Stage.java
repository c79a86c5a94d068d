package io.alertjobbridge.lifecycle;

import io.alertjobbridge.store.ActionStatus;

/**
 * The step the lifecycle takes next for an action, derived from its stored status; the names are
 * the {@code direct:} routes of routes/lifecycle.camel.yaml that carry them out.
 */
public final class Stage {
    public static final String LAUNCH = "launch-job";
    public static final String START = "start-job";
    public static final String POLL = "poll-job-status";
    public static final String TERMINATE = "terminate-job";
    public static final String FETCH_LOGS = "fetch-job-logs";
    /** Nothing to do: the action is final, gone, or was settled without a Job call. */
    public static final String NONE = "none";

    private Stage() {
    }

    static String of(ActionStatus status) {
        return switch (status) {
            case RECEIVED -> LAUNCH;
            case CREATED -> START;
            case RUNNING -> POLL;
            case TERMINATING -> TERMINATE;
            case FETCHING_LOGS -> FETCH_LOGS;
            default -> NONE;
        };
    }
}
