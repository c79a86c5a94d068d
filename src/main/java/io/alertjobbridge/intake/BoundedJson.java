package io.alertjobbridge.intake;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Parses an inbound body into a JSON tree within {@link IntakeLimits}, for every source alike. The
 * parser refuses nesting beyond the limit while reading, so a deep body never builds a deep tree;
 * string and list lengths are then checked exactly over the tree, naming the first field over its
 * bound. Duplicate keys and anything after the document are refused too: two readers of the same
 * body must never see two different alerts.
 */
public final class BoundedJson {

    private final IntakeLimits limits;
    private final ObjectMapper json;

    public BoundedJson(IntakeLimits limits) {
        this.limits = limits;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxNumberLength(100)
                        .build())
                .build();
        this.json = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    public IntakeLimits limits() {
        return limits;
    }

    /** The mapper the tree was read with, to turn it into plain maps and back into text. */
    public ObjectMapper mapper() {
        return json;
    }

    public JsonNode parse(byte[] body) {
        if (body == null || isBlank(body)) {
            throw new BadRequestException(400, "empty_body", null, "the request body is empty; send the alert as JSON");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (StreamConstraintsException e) {
            boolean depth = String.valueOf(e.getMessage()).contains("nesting depth");
            throw depth
                    ? new BadRequestException(400, "too_deep", null, "the JSON is nested deeper than "
                            + limits.maxDepth() + " levels")
                    : new BadRequestException(400, "too_long", null, "the JSON has a number longer than 100 digits");
        } catch (JsonProcessingException e) {
            throw new BadRequestException(400, "malformed_json", null, "the body is not valid JSON: "
                    + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new BadRequestException(400, "malformed_json", null, "the body is not valid JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw new BadRequestException(400, "empty_body", null, "the request body is empty; send the alert as JSON");
        }
        checkSizes(root, "");
        return root;
    }

    private void checkSizes(JsonNode node, String path) {
        if (node.isTextual()) {
            if (node.textValue().length() > limits.maxStringChars()) {
                throw new BadRequestException(400, "too_long", fieldOrNull(path), "field '" + fieldOrRoot(path)
                        + "' is longer than " + limits.maxStringChars() + " characters");
            }
        } else if (node.isArray()) {
            if (node.size() > limits.maxArrayItems()) {
                throw new BadRequestException(400, "too_many_items", fieldOrNull(path), "field '" + fieldOrRoot(path)
                        + "' has more than " + limits.maxArrayItems() + " items");
            }
            for (int i = 0; i < node.size(); i++) {
                checkSizes(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (f.getKey().length() > IntakeLimits.MAX_NAME_CHARS) {
                    throw new BadRequestException(400, "too_long", fieldOrNull(path), "a key in '" + fieldOrRoot(path)
                            + "' is longer than " + IntakeLimits.MAX_NAME_CHARS + " characters");
                }
                checkSizes(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey());
            }
        }
    }

    private static String fieldOrNull(String path) {
        return path.isEmpty() ? null : path;
    }

    private static String fieldOrRoot(String path) {
        return path.isEmpty() ? "(the body)" : path;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
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
