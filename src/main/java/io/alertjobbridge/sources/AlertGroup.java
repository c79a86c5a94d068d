package io.alertjobbridge.sources;

import static io.alertjobbridge.sources.JsonFields.kind;
import static io.alertjobbridge.sources.JsonFields.optionalInteger;
import static io.alertjobbridge.sources.JsonFields.optionalText;
import static io.alertjobbridge.sources.JsonFields.requiredText;
import static io.alertjobbridge.sources.JsonFields.stringMap;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertjobbridge.intake.BadRequestException;
import io.alertjobbridge.intake.ValidAlert;

/**
 * The webhook envelope Alertmanager (version "4") and Grafana (version "1", which embeds Alertmanager)
 * share: one message per alert group, each alert of it one alert here (peers.md section 3).
 * <ul>
 * <li>id: {@code <fingerprint>:<startsAt>} (startsAt as a UTC instant): a resolved alert keeps both,
 *     so it is the same alert, and its resend after a timeout is recognised;</li>
 * <li>status: firing is ABNORMAL, resolved is RECOVERED;</li>
 * <li>labels: the alert's labels over the group's commonLabels; annotations likewise;</li>
 * <li>alert_name: the {@code alertname} label; severity: the {@code severity} label read by
 *     {@link Severities}; the host from the labels ({@link HostLabels});</li>
 * <li>begin_time: startsAt in Unix seconds;</li>
 * <li>{@code extra_info.<source>}: the alert's other fields (fingerprint, startsAt, endsAt,
 *     generatorURL and the sender's extras) and the group's (receiver, groupKey, externalURL, ...).</li>
 * </ul>
 */
final class AlertGroup {

    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-fA-F]{1,32}");
    /** Group fields that are per message, not per alert, and so not copied into each alert. */
    private static final Set<String> NOT_COPIED = Set.of("alerts", "status", "version", "commonLabels",
            "commonAnnotations", "message");

    private AlertGroup() {
    }

    static List<ValidAlert> read(JsonNode root, String source, String version, String senderName, ObjectMapper json) {
        if (root == null || !root.isObject()) {
            throw new BadRequestException(400, "invalid_body", null, "the body must be a JSON object (a "
                    + senderName + " webhook message)");
        }
        String given = optionalText(root, "version", "version");
        if (given != null && !given.equals(version)) {
            throw BadRequestException.invalidField("version", "must be \"" + version + "\" for " + senderName
                    + " webhooks, got \"" + given + "\"" + ("1".equals(given)
                    ? " (a Grafana message: post it to /api/v1/alerts/grafana)"
                    : "4".equals(given) ? " (an Alertmanager message: post it to /api/v1/alerts/alertmanager)" : ""));
        }
        optionalText(root, "receiver", "receiver");
        optionalText(root, "groupKey", "groupKey");
        optionalText(root, "externalURL", "externalURL");
        Long truncated = optionalInteger(root, "truncatedAlerts", "truncatedAlerts");
        if (truncated != null && truncated < 0) {
            throw BadRequestException.invalidField("truncatedAlerts", "must not be negative");
        }
        Map<String, String> commonLabels = stringMap(root, "commonLabels", "commonLabels");
        Map<String, String> commonAnnotations = stringMap(root, "commonAnnotations", "commonAnnotations");
        stringMap(root, "groupLabels", "groupLabels");
        JsonNode alerts = JsonFields.present(root, "alerts");
        if (alerts == null) {
            throw BadRequestException.missingField("alerts");
        }
        if (!alerts.isArray()) {
            throw BadRequestException.invalidField("alerts", "must be a list of alerts, got " + kind(alerts));
        }
        if (alerts.isEmpty()) {
            throw BadRequestException.invalidField("alerts", "must hold at least one alert");
        }
        Map<String, Object> group = groupFields(root, json);
        List<ValidAlert> out = new ArrayList<>(alerts.size());
        for (int i = 0; i < alerts.size(); i++) {
            out.add(alert(alerts.get(i), "alerts[" + i + "]", source, commonLabels, commonAnnotations, group, json));
        }
        return out;
    }

    private static ValidAlert alert(JsonNode a, String at, String source, Map<String, String> commonLabels,
                                    Map<String, String> commonAnnotations, Map<String, Object> group, ObjectMapper json) {
        if (!a.isObject()) {
            throw BadRequestException.invalidField(at, "must be an object (an alert), got " + kind(a));
        }
        String status = requiredText(a, "status", at + ".status");
        if (!status.equals("firing") && !status.equals("resolved")) {
            throw BadRequestException.invalidField(at + ".status", "must be firing or resolved, got '" + status + "'");
        }
        if (JsonFields.present(a, "labels") == null) {
            throw BadRequestException.missingField(at + ".labels");
        }
        Map<String, String> labels = new LinkedHashMap<>(commonLabels);
        labels.putAll(stringMap(a, "labels", at + ".labels"));
        Map<String, String> annotations = new LinkedHashMap<>(commonAnnotations);
        annotations.putAll(stringMap(a, "annotations", at + ".annotations"));
        Instant startsAt = time(requiredText(a, "startsAt", at + ".startsAt"), at + ".startsAt");
        String endsAt = optionalText(a, "endsAt", at + ".endsAt");
        if (endsAt != null) {
            time(endsAt, at + ".endsAt");
        }
        optionalText(a, "generatorURL", at + ".generatorURL");
        String fingerprint = requiredText(a, "fingerprint", at + ".fingerprint");
        if (!FINGERPRINT.matcher(fingerprint).matches()) {
            throw BadRequestException.invalidField(at + ".fingerprint", "must be 1-32 hex digits");
        }

        Map<String, Object> extra = new LinkedHashMap<>(group);
        Iterator<Map.Entry<String, JsonNode>> fields = a.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!f.getKey().equals("labels") && !f.getKey().equals("annotations") && !f.getKey().equals("status")) {
                extra.put(f.getKey(), json.convertValue(f.getValue(), Object.class));
            }
        }
        return AlertModel.of(source)
                .id(fingerprint.toLowerCase() + ":" + startsAt)
                .alertName(labels.get("alertname"))
                .severity(Severities.of(labels.get("severity")))
                .status(status.equals("firing") ? "ABNORMAL" : "RECOVERED")
                .beginTime(startsAt.getEpochSecond())
                .labels(labels)
                .annotations(annotations)
                .event(HostLabels.event(labels))
                .extra(source, extra)
                .build(json);
    }

    private static Map<String, Object> groupFields(JsonNode root, ObjectMapper json) {
        Map<String, Object> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!NOT_COPIED.contains(f.getKey())) {
                out.put(f.getKey(), json.convertValue(f.getValue(), Object.class));
            }
        }
        return out;
    }

    /** An RFC 3339 time, as both senders write it ("2025-03-01T10:00:00.000Z", "...+08:00"). */
    private static Instant time(String text, String path) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw BadRequestException.invalidField(path, "must be an RFC 3339 time such as 2025-03-01T10:00:00Z");
        }
    }
}
