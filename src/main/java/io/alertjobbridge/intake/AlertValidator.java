package io.alertjobbridge.intake;

import java.io.IOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.alertjobbridge.action.ActionMatch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Checks a bk-monitor alert document (section 7 of bk-monitor-job-action.md) field by field and
 * names the first field that is wrong. Types are strict where bk-monitor's own are fixed (ids of
 * strategies and hosts are integers, the event is an object), lenient where bk-monitor itself
 * varies (an alert id may be a number or a string; a cloud or host id of a host-less alert is "").
 */
public final class AlertValidator {

    static final int MAX_ID_LENGTH = 128;
    static final int MAX_NESTING_DEPTH = 32;
    private static final Set<String> STATUSES = Set.of("ABNORMAL", "RECOVERED", "CLOSED");

    private final ObjectMapper json;

    public AlertValidator() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(1 << 20)
                        .build())
                .build();
        this.json = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    public ValidAlert validate(String body, String source) {
        if (body == null || body.isBlank()) {
            throw new BadRequestException(400, "empty_body", null, "the request body is empty; send the alert as JSON");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new BadRequestException(400, "too_deep", null, "the JSON is nested deeper than "
                    + MAX_NESTING_DEPTH + " levels or has an over-long value");
        } catch (IOException e) {
            throw new BadRequestException(400, "malformed_json", null, "the body is not valid JSON: "
                    + firstLine(e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new BadRequestException(400, "invalid_body", null, "the body must be a JSON object (an alert)");
        }
        String id = alertId(root.get("id"));
        JsonNode event = root.get("event");
        if (event == null || event.isNull()) {
            throw BadRequestException.missingField("event");
        }
        if (!event.isObject()) {
            throw BadRequestException.invalidField("event", "must be an object, got " + kind(event));
        }
        String alertName = optionalText(root, "alert_name", "alert_name");
        Long strategyId = optionalInteger(root, "strategy_id", "strategy_id");
        Long severity = optionalInteger(root, "severity", "severity");
        if (severity != null && (severity < 1 || severity > 3)) {
            throw BadRequestException.invalidField("severity", "must be 1 (fatal), 2 (warning) or 3 (remind), got " + severity);
        }
        String status = optionalText(root, "status", "status");
        if (status != null && !STATUSES.contains(status)) {
            throw BadRequestException.invalidField("status", "must be ABNORMAL, RECOVERED or CLOSED, got '" + status + "'");
        }
        List<Map.Entry<String, String>> dimensions = dimensions(root.get("dimensions"));
        JsonNode extra = root.get("extra_info");
        if (extra != null && !extra.isNull() && !extra.isObject()) {
            throw BadRequestException.invalidField("extra_info", "must be an object, got " + kind(extra));
        }
        optionalText(event, "ip", "event.ip");
        optionalText(event, "ipv6", "event.ipv6");
        optionalIntegerOrEmpty(event, "bk_cloud_id");
        optionalIntegerOrEmpty(event, "bk_host_id");
        optionalIntegerOrEmpty(event, "bk_biz_id");

        Map<String, Object> document = json.convertValue(root, new TypeReference<Map<String, Object>>() { });
        document.put("id", id);
        String signal = status == null ? "abnormal" : status.toLowerCase(Locale.ROOT);
        ActionMatch.Subject subject = new ActionMatch.Subject(strategyId, alertName,
                severity == null ? null : severity.intValue(), signal, dimensions);
        String normalized;
        try {
            normalized = json.writeValueAsString(document);
        } catch (IOException e) {
            throw new IllegalStateException("could not write back a parsed alert", e);
        }
        return new ValidAlert(id, source, document, normalized, subject);
    }

    private static String alertId(JsonNode node) {
        if (node == null || node.isNull()) {
            throw BadRequestException.missingField("id");
        }
        String id;
        if (node.isTextual()) {
            id = node.asText().trim();
        } else if (node.isIntegralNumber()) {
            id = node.asText();
        } else {
            throw BadRequestException.invalidField("id", "must be a string or an integer, got " + kind(node));
        }
        if (id.isEmpty()) {
            throw BadRequestException.invalidField("id", "must not be empty");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw BadRequestException.invalidField("id", "must be at most " + MAX_ID_LENGTH + " characters");
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                throw BadRequestException.invalidField("id", "must not contain control characters");
            }
        }
        return id;
    }

    private static List<Map.Entry<String, String>> dimensions(JsonNode node) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw BadRequestException.invalidField("dimensions", "must be a list of {key, value}, got " + kind(node));
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode d = node.get(i);
            String path = "dimensions[" + i + "]";
            if (!d.isObject()) {
                throw BadRequestException.invalidField(path, "must be an object {key, value}, got " + kind(d));
            }
            JsonNode key = d.get("key");
            if (key == null || !key.isTextual()) {
                throw BadRequestException.invalidField(path + ".key", "must be a string");
            }
            JsonNode value = d.get("value");
            if (value != null && (value.isObject() || value.isArray())) {
                throw BadRequestException.invalidField(path + ".value", "must be a string or a number, got " + kind(value));
            }
            out.add(new AbstractMap.SimpleImmutableEntry<>(key.asText(),
                    value == null || value.isNull() ? "" : value.asText()));
        }
        return out;
    }

    private static String optionalText(JsonNode parent, String key, String path) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw BadRequestException.invalidField(path, "must be a string, got " + kind(n));
        }
        return n.asText();
    }

    private static Long optionalInteger(JsonNode parent, String key, String path) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw BadRequestException.invalidField(path, "must be an integer, got " + kind(n));
        }
        return n.asLong();
    }

    /** bk-monitor sends "" for the cloud and host id of an alert that has no host. */
    private static void optionalIntegerOrEmpty(JsonNode event, String key) {
        JsonNode n = event.get(key);
        if (n == null || n.isNull() || n.isIntegralNumber()) {
            return;
        }
        if (n.isTextual() && (n.asText().isEmpty() || n.asText().matches("\\d{1,18}"))) {
            return;
        }
        throw BadRequestException.invalidField("event." + key, "must be an integer, got " + kind(n));
    }

    private static String kind(JsonNode n) {
        if (n.isTextual()) {
            return "a string";
        }
        if (n.isNumber()) {
            return "a number";
        }
        if (n.isBoolean()) {
            return "a boolean";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isObject()) {
            return "an object";
        }
        return "null";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
