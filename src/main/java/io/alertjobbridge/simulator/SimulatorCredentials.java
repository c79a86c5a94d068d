package io.alertjobbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The app credentials callers must present. Secrets are compared in constant time and never appear in a
 * message. With no secret configured nothing is accepted: a simulator open to anyone is not a safe default.
 */
final class SimulatorCredentials {

    private final String appCode;
    private final String appSecret;

    SimulatorCredentials(String appCode, String appSecret) {
        this.appCode = appCode;
        this.appSecret = appSecret;
    }

    /** Why the pair is refused, or null when it is accepted. */
    String refusal(String code, String secret) {
        if (appCode == null || appSecret == null) {
            return "the simulator has no app code/secret configured (bridge.simulator.app-code/app-secret)";
        }
        if (code == null || code.isBlank()) {
            return "bk_app_code is required";
        }
        if (secret == null || secret.isBlank()) {
            return "bk_app_secret is required";
        }
        boolean codeOk = code.equals(appCode);
        boolean secretOk = MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                appSecret.getBytes(StandardCharsets.UTF_8));
        if (!codeOk || !secretOk) {
            return "app code or app secret is wrong (bk_app_code=" + code + ")";
        }
        return null;
    }

    /** Reads the X-Bkapi-Authorization JSON; null when absent or not a JSON object. */
    static JsonNode header(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        JsonNode parsed = SimulatorJson.readOrNull(value);
        return parsed != null && parsed.isObject() ? parsed : null;
    }

    /** A text field of a credentials object, or null. */
    static String field(JsonNode credentials, String name) {
        JsonNode value = credentials == null ? null : credentials.get(name);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
