package io.alertjobbridge.store;

/**
 * An action to store with its alert: which action config fired, for which plan and business, and the
 * convergence group and host group it belongs to (null when its config has no convergence), stored
 * with it so that every action accepted after it sees it when convergence is decided.
 */
public record NewAction(String id, String actionName, long planId, long bkBizId, int timeoutSeconds,
                        String convergeKey, String hostKey) {

    public NewAction(String id, String actionName, long planId, long bkBizId, int timeoutSeconds) {
        this(id, actionName, planId, bkBizId, timeoutSeconds, null, null);
    }
}
