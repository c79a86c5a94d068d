package io.alertjobbridge.job;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What came back from one Job call, sorted into what the lifecycle must do about it.
 *
 * @param kind       the class of answer
 * @param httpStatus the HTTP status, or 0 when no answer arrived
 * @param code       Job's (or the gateway's / ESB's) error code, 0 on success
 * @param message    the error text, never containing the request (so no credentials)
 * @param data       the {@code data} of a successful envelope
 * @param permission the {@code permission} payload of a 9900403 answer, else null
 */
public record JobAnswer(Kind kind, int httpStatus, long code, String message, JsonNode data, JsonNode permission) {

    public enum Kind {
        /** result true. */
        OK,
        /** Job (or its front door) refused the request for good: result false, or a 4xx that retrying will not fix. */
        REJECTED,
        /** Refused before acting and worth retrying later: HTTP 429, ESB 1306429, Job's running-job quotas. */
        THROTTLED,
        /** The request never left: refused connection, unknown host, connect timeout. Safe to resend. */
        NOT_SENT,
        /** The request may have reached Job and acted, but no usable answer came back: read timeout, 5xx, reset. */
        ANSWER_LOST
    }

    public boolean ok() {
        return kind == Kind.OK;
    }

    /** A short text for the action's reason: the code and message, or the transport problem. */
    public String describe() {
        return switch (kind) {
            case OK -> "ok";
            case NOT_SENT -> "Job API unreachable: " + message;
            case ANSWER_LOST -> "Job API answer lost (" + (httpStatus == 0 ? message : "HTTP " + httpStatus
                    + (code != 0 ? ", code " + code : "") + (message == null ? "" : ": " + message)) + ")";
            default -> "Job API code " + code + (httpStatus != 200 && httpStatus != 0 ? " (HTTP " + httpStatus + ")" : "")
                    + ": " + message;
        };
    }
}
