package io.alertjobbridge.lifecycle;

import io.alertjobbridge.store.ActionRecord;

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
    public static final String LIST_ORPHANS = "list-orphan-instances";
    public static final String ADOPT = "adopt-launch";
    /** Nothing to do: the action is final, gone, or was settled without a Job call. */
    public static final String NONE = "none";

    private Stage() {
    }

    static String of(ActionRecord action) {
        return switch (action.status()) {
            case RECEIVED -> LAUNCH;
            case LAUNCHING -> ADOPT;
            case CREATED -> action.orphanCheck() ? LIST_ORPHANS : START;
            case RUNNING -> POLL;
            case TERMINATING -> TERMINATE;
            case FETCHING_LOGS -> FETCH_LOGS;
            default -> NONE;
        };
    }
}
