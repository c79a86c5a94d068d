package io.alertjobbridge.store;

/**
 * One row of the action table as read. Times are epoch milliseconds; nullable columns are boxed.
 * {@code globalVarList} is the masked list (cipher values replaced) and {@code steps} the job and
 * step statuses of the last poll, both as JSON text.
 */
public record ActionRecord(
        String id,
        String alertId,
        String actionName,
        long planId,
        long bkBizId,
        int timeoutSeconds,
        ActionStatus status,
        String outcome,
        String reason,
        String jobError,
        Long jobInstanceId,
        String jobUrl,
        Integer jobStatus,
        String globalVarList,
        String steps,
        int attempts,
        int logCursor,
        Long nextRunAt,
        String owner,
        Long leaseUntil,
        Long launchSentAt,
        boolean orphanCheck,
        String evidence,
        Long startedAt,
        Long deadlineAt,
        long createdAt,
        long updatedAt,
        Long finishedAt) {

    /** The same record with another log cursor, for a step that advances it and finishes at once. */
    public ActionRecord withLogCursor(int cursor) {
        return new ActionRecord(id, alertId, actionName, planId, bkBizId, timeoutSeconds, status, outcome, reason,
                jobError, jobInstanceId, jobUrl, jobStatus, globalVarList, steps, attempts, cursor, nextRunAt,
                owner, leaseUntil, launchSentAt, orphanCheck, evidence, startedAt, deadlineAt, createdAt, updatedAt,
                finishedAt);
    }
}
