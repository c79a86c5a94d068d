package io.alertjobbridge.sources;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertjobbridge.intake.BadRequestException;

/** Typed reads of a JSON tree that name the offending field's path in every refusal. */
final class JsonFields {

    private JsonFields() {
    }

    static JsonNode present(JsonNode parent, String key) {
        JsonNode n = parent.get(key);
        return n == null || n.isNull() ? null : n;
    }

    static String optionalText(JsonNode parent, String key, String path) {
        JsonNode n = present(parent, key);
        if (n == null) {
            return null;
        }
        if (!n.isTextual()) {
            throw BadRequestException.invalidField(path, "must be a string, got " + kind(n));
        }
        return n.asText();
    }

    static String requiredText(JsonNode parent, String key, String path) {
        String v = optionalText(parent, key, path);
        if (v == null) {
            throw BadRequestException.missingField(path);
        }
        return v;
    }

    static Long optionalInteger(JsonNode parent, String key, String path) {
        JsonNode n = present(parent, key);
        if (n == null) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw BadRequestException.invalidField(path, "must be an integer, got " + kind(n));
        }
        return n.asLong();
    }

    /** An object whose values are all strings, in the order given; empty when absent. */
    static Map<String, String> stringMap(JsonNode parent, String key, String path) {
        JsonNode n = present(parent, key);
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null) {
            return out;
        }
        if (!n.isObject()) {
            throw BadRequestException.invalidField(path, "must be an object of names to strings, got " + kind(n));
        }
        Iterator<Map.Entry<String, JsonNode>> fields = n.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!f.getValue().isTextual()) {
                throw BadRequestException.invalidField(path + "." + f.getKey(), "must be a string, got " + kind(f.getValue()));
            }
            out.put(f.getKey(), f.getValue().asText());
        }
        return out;
    }

    static String kind(JsonNode n) {
        if (n == null || n.isNull()) {
            return "null";
        }
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
}
