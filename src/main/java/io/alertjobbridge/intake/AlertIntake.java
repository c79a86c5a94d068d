package io.alertjobbridge.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.alertjobbridge.action.ActionCatalog;
import io.alertjobbridge.action.ActionConfig;
import io.alertjobbridge.store.ActionStore;
import io.alertjobbridge.store.NewAction;

/**
 * Takes an alert in: validates it, finds the actions it fires, and stores the alert with one
 * action record per match in one transaction. Only after that commit does the caller answer,
 * so an accepted alert is never lost and a repeated one never adds actions.
 */
public final class AlertIntake {

    private final AlertValidator validator;
    private final ActionCatalog catalog;
    private final ActionStore store;

    public AlertIntake(AlertValidator validator, ActionCatalog catalog, ActionStore store) {
        this.validator = validator;
        this.catalog = catalog;
        this.store = store;
    }

    /** The HTTP answer to an accepted alert: 202 when new, 200 for an alert id seen before. */
    public record Reply(int status, Map<String, Object> body) {
    }

    public Reply accept(String body, String contentType, String source) {
        requireJson(contentType);
        ValidAlert alert = validator.validate(body, source);
        List<NewAction> actions = new ArrayList<>();
        for (ActionConfig config : catalog.matching(alert.subject())) {
            actions.add(new NewAction(UUID.randomUUID().toString(), config.name(), config.templateId(),
                    config.bkBizId(), config.timeoutSeconds()));
        }
        ActionStore.AcceptedAlert accepted = store.acceptAlert(alert.id(), source, alert.json(), actions);
        List<Map<String, Object>> summaries = new ArrayList<>();
        for (ActionStore.ActionSummary a : accepted.actions()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", a.id());
            s.put("name", a.name());
            s.put("status", a.status().wireName());
            summaries.add(s);
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("alert_id", alert.id());
        reply.put("actions", summaries);
        return new Reply(accepted.created() ? 202 : 200, reply);
    }

    /**
     * Alerts are JSON. A form-encoded body would be parsed into fields by the HTTP server and lose
     * its shape, so anything that declares another type is refused up front.
     */
    static void requireJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!type.equals("application/json") && !type.endsWith("+json")) {
            throw new BadRequestException(415, "unsupported_media_type", null,
                    "the body must be application/json, got '" + type + "'");
        }
    }
}
