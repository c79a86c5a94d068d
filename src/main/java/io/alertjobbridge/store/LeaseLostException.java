package io.alertjobbridge.store;

/**
 * This instance no longer holds the action (its lease ran out and another instance took it over):
 * the step's result is dropped, and the new owner carries on from the stored state.
 */
public final class LeaseLostException extends RuntimeException {
    public LeaseLostException(String actionId, String owner) {
        super("action " + actionId + " is no longer held by instance " + owner);
    }
}
