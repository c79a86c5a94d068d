package io.alertjobbridge.sources;

import static io.alertjobbridge.sources.JsonFields.kind;
import static io.alertjobbridge.sources.JsonFields.optionalInteger;
import static io.alertjobbridge.sources.JsonFields.optionalText;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertjobbridge.intake.BadRequestException;
import io.alertjobbridge.intake.ValidAlert;

/**
 * A bk-monitor alert document (section 7 of bk-monitor-job-action.md), checked field by field, the
 * first wrong field named. Types are strict where bk-monitor's own are fixed (ids of strategies and
 * hosts are integers, the event is an object), lenient where bk-monitor itself varies (an alert id may
 * be a number or a string; a cloud or host id of a host-less alert is ""). Every field is kept; the
 * labels are the dimensions as a map.
 *
 * <p>Read {@linkplain #model() as the model}, the same document may also carry {@code source},
 * {@code labels} and {@code annotations}: that is the alert every source produces, which the preview
 * takes to check actions meant for a custom source.
 */
public final class BkMonitorSource implements AlertSource {

    public static final String NAME = "bk-monitor";
    public static final String MODEL = "model";
    private static final Set<String> STATUSES = Set.of("ABNORMAL", "RECOVERED", "CLOSED");
    private static final Pattern ID_DIGITS = Pattern.compile("\\d{1,18}");
    private static final Pattern SOURCE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,23}");

    private final ObjectMapper json;
    private final boolean asModel;

    private BkMonitorSource(ObjectMapper json, boolean asModel) {
        this.json = json;
        this.asModel = asModel;
    }

    public static BkMonitorSource bkMonitor(ObjectMapper json) {
        return new BkMonitorSource(json, false);
    }

    /** Reads the alert model itself: bk-monitor's document with {@code source}, {@code labels}, {@code annotations}. */
    public static BkMonitorSource model(ObjectMapper json) {
        return new BkMonitorSource(json, true);
    }

    @Override
    public String name() {
        return asModel ? MODEL : NAME;
    }

    @Override
    public List<ValidAlert> read(JsonNode root) {
        return List.of(readOne(root));
    }

    public ValidAlert readOne(JsonNode root) {
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
        String source = NAME;
        Map<String, String> labels = null;
        Map<String, String> annotations = null;
        if (asModel) {
            String given = optionalText(root, "source", "source");
            if (given != null && !SOURCE_NAME.matcher(given).matches()) {
                throw BadRequestException.invalidField("source", "must be a source name (lower-case letters, digits"
                        + " and '-', at most 24)");
            }
            source = given == null ? NAME : given;
            if (JsonFields.present(root, "labels") != null) {
                labels = JsonFields.stringMap(root, "labels", "labels");
            }
            if (JsonFields.present(root, "annotations") != null) {
                annotations = JsonFields.stringMap(root, "annotations", "annotations");
            }
        }

        Map<String, Object> document = json.convertValue(root, new TypeReference<Map<String, Object>>() { });
        AlertModel model = AlertModel.from(source, document).id(id).alertName(alertName).strategyId(strategyId)
                .severity(severity == null ? null : severity.intValue()).status(status == null ? "ABNORMAL" : status);
        if (root.get("dimensions") != null && !root.get("dimensions").isNull() || labels == null) {
            model.dimensions(dimensions);
        }
        if (labels != null) {
            model.labels(labels);
        }
        if (annotations != null) {
            model.annotations(annotations);
        }
        return model.build(json);
    }

    private static String alertId(JsonNode node) {
        if (node == null || node.isNull()) {
            throw BadRequestException.missingField("id");
        }
        if (node.isTextual()) {
            return AlertIds.check(node.asText(), "id");
        }
        if (node.isIntegralNumber() && ID_DIGITS.matcher(node.asText()).matches()) {
            return node.asText();
        }
        throw BadRequestException.invalidField("id", "must be a string or a non-negative integer, got " + kind(node));
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
}
