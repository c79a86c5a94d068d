package io.alertjobbridge.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

import io.alertjobbridge.action.ActionCatalog;
import io.alertjobbridge.action.ActionConfig;
import io.alertjobbridge.action.Convergence;
import io.alertjobbridge.action.ConvergenceKeys;
import io.alertjobbridge.store.ActionStore;
import io.alertjobbridge.store.AlertGroupCommit;
import io.alertjobbridge.store.NewAction;
import io.alertjobbridge.store.StoreException;

/**
 * Takes alerts in: finds the actions each fires, and stores each alert with one action record per
 * match, atomically. Only after every alert of the request is committed does the caller answer, so
 * an accepted alert is never lost and a repeated one (a sender's resend after a timeout) never adds
 * actions. Alerts are committed in groups with those of concurrent requests ({@link AlertGroupCommit}),
 * each under its own savepoint: if one alert of a request fails, the request fails, and the sender's
 * retry finds the others stored and adds only the rest.
 */
public final class AlertIntake {

    private final ActionCatalog catalog;
    private final AlertGroupCommit store;
    private final ActionIds ids = ActionIds.systemClock();
    /** The instance that accepts the alerts: it holds their actions from the start. */
    private final String owner;

    /** Told of every alert stored: its source and whether it was new ("accepted") or seen before ("duplicate"). */
    private final BiConsumer<String, String> received;

    public AlertIntake(ActionCatalog catalog, AlertGroupCommit store, String owner, BiConsumer<String, String> received) {
        this.catalog = catalog;
        this.store = store;
        this.owner = owner;
        this.received = received;
    }

    /** The HTTP answer: 202 when any alert was new, 200 when every one had been stored before. */
    public record Reply(int status, Map<String, Object> body) {
    }

    /** One alert: {@code {alert_id, actions}}. */
    public Reply acceptOne(ValidAlert alert) {
        Stored stored = store(List.of(alert)).get(0);
        return new Reply(stored.created ? 202 : 200, stored.summary);
    }

    /** A group of alerts (an Alertmanager or Grafana message): {@code {alerts: [{alert_id, actions}]}}. */
    public Reply acceptGroup(List<ValidAlert> alerts) {
        List<Map<String, Object>> summaries = new ArrayList<>(alerts.size());
        boolean anyCreated = false;
        for (Stored stored : store(alerts)) {
            anyCreated |= stored.created;
            summaries.add(stored.summary);
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("alerts", summaries);
        return new Reply(anyCreated ? 202 : 200, reply);
    }

    private record Stored(boolean created, Map<String, Object> summary) {
    }

    /** Stores the alerts of one request; throws the first alert's failure, if any, once all are settled. */
    private List<Stored> store(List<ValidAlert> alerts) {
        List<ActionStore.AlertToStore> toStore = new ArrayList<>(alerts.size());
        for (ValidAlert alert : alerts) {
            toStore.add(new ActionStore.AlertToStore(alert.id(), alert.source(), alert.json(), actionsOf(alert), owner));
        }
        List<ActionStore.AcceptOutcome> outcomes = store.accept(toStore);
        List<Stored> stored = new ArrayList<>(alerts.size());
        StoreException firstFailure = null;
        for (int i = 0; i < alerts.size(); i++) {
            ActionStore.AcceptOutcome outcome = outcomes.get(i);
            if (outcome.failure() != null) {
                firstFailure = firstFailure == null ? outcome.failure() : firstFailure;
                continue;
            }
            received.accept(alerts.get(i).source(), outcome.accepted().created() ? "accepted" : "duplicate");
            stored.add(new Stored(outcome.accepted().created(), summary(alerts.get(i).id(), outcome.accepted())));
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
        return stored;
    }

    private List<NewAction> actionsOf(ValidAlert alert) {
        List<NewAction> actions = new ArrayList<>();
        for (ActionConfig config : catalog.matching(alert.subject())) {
            // The convergence groups go in with the action, in this transaction: every action accepted
            // after it sees it when its own convergence is decided.
            Convergence rule = config.convergence();
            ConvergenceKeys.Keys keys = rule.function() == Convergence.Function.NONE && rule.maxRunningPerHost() <= 0
                    ? new ConvergenceKeys.Keys(null, null)
                    : ConvergenceKeys.of(rule, config.name(), config.templateId(), alert.document());
            actions.add(new NewAction(ids.next(), config.name(), config.templateId(),
                    config.bkBizId(), config.timeoutSeconds(), keys.group(), keys.host()));
        }
        return actions;
    }

    private static Map<String, Object> summary(String alertId, ActionStore.AcceptedAlert accepted) {
        List<Map<String, Object>> actions = new ArrayList<>();
        for (ActionStore.ActionSummary a : accepted.actions()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", a.id());
            s.put("name", a.name());
            s.put("status", a.status().wireName());
            actions.add(s);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("alert_id", alertId);
        summary.put("actions", actions);
        return summary;
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
                    "the body must be application/json, got '" + abbreviated(type) + "'");
        }
    }

    private static String abbreviated(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }
}
