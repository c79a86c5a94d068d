package io.alertjobbridge.store;

/** What Job reported for one host in one step, with the log it kept (cut to the configured size). */
public record HostResult(
        long stepInstanceId,
        String stepName,
        Integer stepType,
        String ip,
        Long bkCloudId,
        Long bkHostId,
        Integer status,
        Integer exitCode,
        Integer errorCode,
        String logContent,
        boolean logTruncated) {
}
