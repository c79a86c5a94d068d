package io.alertjobbridge.lifecycle;

/**
 * The lifecycle's knobs, from bridge.job.* and bridge.lifecycle.*; checked once at start.
 */
public record LifecycleSettings(
        long pollIntervalMs,
        int maxLogBytes,
        boolean twoPhaseLaunch,
        int maxRetries,
        long retryInitialDelayMs,
        long retryMaxDelayMs,
        String siteUrl,
        String jobUsername,
        long launchAnswerWaitMs) {

    public LifecycleSettings {
        if (pollIntervalMs < 100) {
            throw new IllegalArgumentException("bridge.job.poll-interval-ms must be at least 100, got " + pollIntervalMs);
        }
        if (maxLogBytes < 1) {
            throw new IllegalArgumentException("bridge.job.max-log-bytes must be positive, got " + maxLogBytes);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("bridge.job.max-retries must be 0 or more, got " + maxRetries);
        }
        if (retryInitialDelayMs < 1 || retryMaxDelayMs < retryInitialDelayMs) {
            throw new IllegalArgumentException("bridge.job.retry-initial-delay-ms (" + retryInitialDelayMs
                    + ") must be positive and at most bridge.job.retry-max-delay-ms (" + retryMaxDelayMs + ")");
        }
        while (siteUrl.endsWith("/")) {
            siteUrl = siteUrl.substring(0, siteUrl.length() - 1);
        }
    }

    /** Exponential back-off for the n-th retry (1-based): initial, 2x, 4x ... capped at the maximum. */
    public long backoffMs(int attempt) {
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        if (retryInitialDelayMs > (retryMaxDelayMs >> shift)) {
            return retryMaxDelayMs;
        }
        return retryInitialDelayMs << shift;
    }

    /**
     * How long after sending execute_job_plan (without two-phase launch) the bridge waits before it
     * looks for the instance a lost answer may have created: Job's gateway gives up on its backend
     * after 60 s, so an instance can appear that late (bridge.job.launch-answer-wait-ms).
     */
    public long answerWaitMs() {
        return launchAnswerWaitMs;
    }

    public String jobUrl(long jobInstanceId) {
        return siteUrl + "/api_execute/" + jobInstanceId;
    }
}
