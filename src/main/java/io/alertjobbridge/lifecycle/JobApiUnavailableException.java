package io.alertjobbridge.lifecycle;

/**
 * Job kept failing transiently past the retry budget. Thrown to the route so the exchange goes to
 * the dead-letter channel, which keeps the action id and ends the action with this reason.
 */
public final class JobApiUnavailableException extends RuntimeException {
    public JobApiUnavailableException(String actionId, String step, int attempts, String lastProblem) {
        super(step + " of action " + actionId + " failed " + attempts + " times; last: " + lastProblem);
    }
}
