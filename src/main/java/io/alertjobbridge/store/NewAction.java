package io.alertjobbridge.store;

/** An action to store with its alert: which action config fired, for which plan and business. */
public record NewAction(String id, String actionName, long planId, long bkBizId, int timeoutSeconds) {
}
