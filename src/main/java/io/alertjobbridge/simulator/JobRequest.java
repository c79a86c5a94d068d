package io.alertjobbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of one API call, from a JSON body or a query string, read with the types the reference gives.
 * JSON is read strictly: a long must be a JSON integer, a string a JSON string, a flag a JSON boolean; anything
 * else is Job's deserialization failure, 1240003. (The real server's Jackson would coerce "12" into a long; the
 * simulator refuses so a client that sends the wrong type finds out here, not in production.) Query values are
 * text by nature and are parsed; a malformed number there is also 1240003, as Spring's binding gives.
 */
final class JobRequest {

    private final ObjectNode fields;
    private final boolean fromQuery;

    private JobRequest(ObjectNode fields, boolean fromQuery) {
        this.fields = fields;
        this.fromQuery = fromQuery;
    }

    /** A JSON body; blank means no fields. Anything but a JSON object is a Bad Request. */
    static JobRequest json(String body) {
        if (body == null || body.isBlank()) {
            return new JobRequest(SimulatorJson.object(), false);
        }
        JsonNode parsed = SimulatorJson.readOrNull(body);
        if (parsed == null || !parsed.isObject()) {
            // A form post (curl -d without a JSON content type) arrives parsed into fields, so it lands here too.
            throw JobApiException.badRequest("Bad Request: the body is not a JSON object (send Content-Type: application/json)");
        }
        return new JobRequest((ObjectNode) parsed, false);
    }

    static JobRequest query(Map<String, String> parameters) {
        ObjectNode fields = SimulatorJson.object();
        parameters.forEach(fields::put);
        return new JobRequest(fields, true);
    }

    ObjectNode fields() {
        return fields;
    }

    boolean fromQuery() {
        return fromQuery;
    }

    boolean has(String field) {
        JsonNode value = fields.get(field);
        return value != null && !value.isNull();
    }

    Long optionalLong(String field) {
        return asLong(fields.get(field), field, fromQuery);
    }

    Integer optionalInt(String field) {
        Long value = optionalLong(field);
        if (value != null && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            throw typeError(field, "an int");
        }
        return value == null ? null : value.intValue();
    }

    String optionalString(String field) {
        return asString(fields.get(field), field);
    }

    Boolean optionalBoolean(String field) {
        JsonNode value = fields.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (fromQuery && value.isTextual()) {
            // Spring's StringToBooleanConverter words; Python clients send "True"/"False".
            switch (value.textValue().trim().toLowerCase(Locale.ROOT)) {
                case "true", "on", "yes", "1":
                    return true;
                case "false", "off", "no", "0", "":
                    return false;
                default:
                    break;
            }
        }
        throw typeError(field, "a boolean");
    }

    ArrayNode optionalArray(String field) {
        JsonNode value = fields.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw typeError(field, "an array");
        }
        return (ArrayNode) value;
    }

    /** Reads a long inside a JSON body (array items, nested objects): JSON integers only. */
    static Long asLong(JsonNode value, String path) {
        return asLong(value, path, false);
    }

    static String asString(JsonNode value, String path) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw typeError(path, "a string");
        }
        return value.textValue();
    }

    private static Long asLong(JsonNode value, String path, boolean textAllowed) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (textAllowed && value.isTextual()) {
            String text = value.textValue().trim();
            if (text.isEmpty()) {
                return null;
            }
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw typeError(path, "a number");
            }
        }
        throw typeError(path, "a number");
    }

    private static JobApiException typeError(String path, String expected) {
        return JobApiException.badRequest("Bad Request: [" + path + "] must be " + expected);
    }
}
