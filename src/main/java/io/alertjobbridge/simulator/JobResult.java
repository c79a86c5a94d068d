package io.alertjobbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What Job answered, before a front door wraps it: code 0 with data, or an error code with message (and the
 * permission payload for 9900403). {@code answerLost} means Job acted but the caller must not see the answer
 * (the lose-answer behaviour): the front door replies with a gateway timeout instead.
 */
record JobResult(int code, String message, JsonNode data, JsonNode permission, boolean answerLost) {

    static JobResult ok(JsonNode data) {
        return new JobResult(0, null, data, null, false);
    }

    static JobResult lost(JsonNode data) {
        return new JobResult(0, null, data, null, true);
    }

    static JobResult error(JobApiException e) {
        return new JobResult(e.code(), e.getMessage(), null, e.permission(), false);
    }

    boolean success() {
        return code == 0;
    }
}
