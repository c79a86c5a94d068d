package io.alertjobbridge.job;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;

/**
 * Reads Job's envelope ({@code result}, {@code code}, {@code message}, {@code data}) and the front
 * doors' own error shapes (section 7 of bk-job-api.md) into a {@link JobAnswer}: which answers mean
 * success, which a final refusal, and which are safe to retry.
 */
public final class JobAnswerDecoder {

    /** Job's running-job quotas (scope, app, system): refused before any instance is created. */
    static final Set<Long> QUOTA_CODES = Set.of(1244032L, 1244033L, 1244034L);
    /** The legacy ESB's rate-limit code, sent with HTTP 200. */
    static final long ESB_RATE_LIMITED = 1306429L;
    static final long PERMISSION_DENIED = 9900403L;

    private final ObjectMapper json;

    public JobAnswerDecoder(ObjectMapper json) {
        this.json = json;
    }

    public JobAnswer decode(int httpStatus, String body) {
        JsonNode root = parse(body);
        long code = root != null && root.path("code").canConvertToLong() ? root.path("code").asLong() : 0;
        String message = root != null && root.hasNonNull("message") ? root.get("message").asText() : null;
        if (httpStatus == 429) {
            return new JobAnswer(JobAnswer.Kind.THROTTLED, httpStatus, code, orElse(message, "rate limited"), null, null);
        }
        if (httpStatus >= 500) {
            return new JobAnswer(JobAnswer.Kind.ANSWER_LOST, httpStatus, code, orElse(message, "server error"), null, null);
        }
        if (root == null || !root.isObject() || !root.has("result")) {
            // A 2xx without an envelope: something answered that is not Job. Nothing in it can be trusted.
            return new JobAnswer(httpStatus >= 400 ? JobAnswer.Kind.REJECTED : JobAnswer.Kind.ANSWER_LOST, httpStatus,
                    code, "HTTP " + httpStatus + " without a Job envelope", null, null);
        }
        if (httpStatus >= 400) {
            return new JobAnswer(JobAnswer.Kind.REJECTED, httpStatus, code, orElse(message, "HTTP " + httpStatus), null, null);
        }
        if (root.path("result").asBoolean(false)) {
            return new JobAnswer(JobAnswer.Kind.OK, httpStatus, 0, null, root.get("data"), null);
        }
        if (QUOTA_CODES.contains(code) || code == ESB_RATE_LIMITED) {
            return new JobAnswer(JobAnswer.Kind.THROTTLED, httpStatus, code, orElse(message, "quota exceeded"), null, null);
        }
        JsonNode permission = code == PERMISSION_DENIED
                ? (root.hasNonNull("permission") ? root.get("permission") : root.path("data").get("permission"))
                : null;
        return new JobAnswer(JobAnswer.Kind.REJECTED, httpStatus, code, orElse(message, "result false"), null, permission);
    }

    /** A call that produced no HTTP answer at all. */
    public JobAnswer fromTransportError(Throwable error) {
        Throwable cause = error;
        while (cause != null) {
            if (cause instanceof ConnectException || cause instanceof HttpHostConnectException
                    || cause instanceof ConnectTimeoutException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return new JobAnswer(JobAnswer.Kind.NOT_SENT, 0, 0, describe(cause), null, null);
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return new JobAnswer(JobAnswer.Kind.ANSWER_LOST, 0, 0, describe(error), null, null);
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String orElse(String v, String fallback) {
        return v == null || v.isBlank() ? fallback : v;
    }
}
