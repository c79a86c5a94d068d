package io.alertjobbridge.store;

/**
 * An exchange that failed past its retries. {@code body} is the original message; for lifecycle
 * steps that is the action id, and {@code actionStatus} the state the action was in, so a replay
 * can take the action up where it stopped.
 */
public record DeadLetter(
        String id,
        String actionId,
        String actionStatus,
        String routeId,
        String endpoint,
        String error,
        String body,
        String status,
        long createdAt,
        Long replayedAt) {

    public static final String STORED = "stored";
    public static final String REPLAYED = "replayed";
}
