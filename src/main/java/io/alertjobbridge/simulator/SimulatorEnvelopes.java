package io.alertjobbridge.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The bodies the three layers answer with: Job's envelope (reference 2.2, top-level nulls left out), the legacy
 * ESB's own errors (7.5) and the API gateway's (7.4).
 */
final class SimulatorEnvelopes {

    static final int GATEWAY_INVALID_ARGS = 1640001;
    static final int GATEWAY_API_NOT_FOUND = 1640401;
    static final int GATEWAY_RATE_LIMITED = 1642902;
    static final int GATEWAY_BAD_GATEWAY = 1650200;
    static final int GATEWAY_BACKEND_TIMEOUT = 1650401;
    static final int ESB_GENERIC = 1306000;
    static final int ESB_COMPONENT_NOT_FOUND = 1306404;
    static final int ESB_PARAMETERS_ERROR = 1306406;

    private SimulatorEnvelopes() {
    }

    static ObjectNode job(JobResult result) {
        ObjectNode body = SimulatorJson.object();
        body.put("result", result.success());
        body.put("code", result.code());
        if (result.message() != null) {
            body.put("message", result.message());
        }
        if (result.data() != null) {
            body.set("data", result.data());
        }
        body.put("job_request_id", requestId(16));
        if (result.permission() != null) {
            body.set("permission", result.permission());
        }
        return body;
    }

    static ObjectNode esbError(int code, String message) {
        ObjectNode body = SimulatorJson.object();
        body.put("result", false);
        body.put("code", code);
        body.putNull("data");
        body.put("message", message);
        return body;
    }

    static SimulatorReply gatewayError(int httpStatus, int code, String codeName, String message) {
        return gatewayError(httpStatus, code, codeName, message, Map.of());
    }

    static SimulatorReply gatewayError(int httpStatus, int code, String codeName, String message,
                                       Map<String, String> headers) {
        ObjectNode body = SimulatorJson.object();
        body.put("result", false);
        body.put("code", code);
        body.put("code_name", codeName);
        body.put("message", message);
        body.putNull("data");
        return SimulatorReply.json(httpStatus, body, headers);
    }

    /** What a caller sees when the backend acted but its answer never arrived. */
    static SimulatorReply backendTimeout() {
        return gatewayError(504, GATEWAY_BACKEND_TIMEOUT, "REQUEST_BACKEND_TIMEOUT",
                "Request backend service timeout, please try again later");
    }

    static SimulatorReply rateLimited() {
        return gatewayError(429, GATEWAY_RATE_LIMITED, "RATE_LIMIT_RESTRICTION", "API rate limit exceeded by stage strategy",
                Map.of("X-Bkapi-RateLimit-Limit", "100", "X-Bkapi-RateLimit-Remaining", "0",
                        "X-Bkapi-RateLimit-Reset", "1", "X-Bkapi-RateLimit-Plugin", "bk-rate-limit"));
    }

    static SimulatorReply badGateway() {
        return gatewayError(502, GATEWAY_BAD_GATEWAY, "BAD_GATEWAY", "Bad gateway: the backend service is unreachable");
    }

    static String requestId(int hexDigits) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder(hexDigits);
        while (id.length() < hexDigits) {
            id.append(Long.toHexString(random.nextLong() | Long.MIN_VALUE));
        }
        return id.substring(0, hexDigits);
    }
}
