package io.alertjobbridge.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertjobbridge.api.ApiReplies;
import io.alertjobbridge.sources.AlertSource;
import io.alertjobbridge.sources.CustomAlertFields;
import io.alertjobbridge.sources.CustomSource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The HTTP side of intake, the steps the inbound routes call after the inbound guard admitted the
 * request: read the body as bounded JSON, turn it into alerts of the model with the endpoint's
 * source, store them, answer.
 */
public final class AlertEndpoint {

    private final BoundedJson json;
    private final AlertIntake intake;
    private final ApiReplies replies;
    private final IntakeGate gate;
    private final Sources sources;

    /** The formats this endpoint reads. */
    public record Sources(AlertSource bkMonitor, AlertSource alertmanager, AlertSource grafana, CustomSource custom) {
    }

    public AlertEndpoint(BoundedJson json, AlertIntake intake, ApiReplies replies, IntakeGate gate, Sources sources) {
        this.json = json;
        this.intake = intake;
        this.replies = replies;
        this.gate = gate;
        this.sources = sources;
    }

    /**
     * 503 while the bridge stops, 415 for a body that is not JSON, 400 for JSON that is malformed,
     * over the bounds, or not an object (every source's message is one). The checked tree goes in the {@value IntakeVariables#ALERT_JSON} variable and,
     * as plain maps and lists, in the body, where a custom route's JsonPath expressions read it without
     * parsing it again.
     */
    public void readJson(Exchange exchange) {
        gate.requireOpen();
        Message m = exchange.getMessage();
        AlertIntake.requireJson(m.getHeader(Exchange.CONTENT_TYPE, String.class));
        JsonNode root = json.parse(m.getBody(byte[].class));
        if (!root.isObject()) {
            throw new BadRequestException(400, "invalid_body", null, "the body must be a JSON object");
        }
        exchange.setVariable(IntakeVariables.ALERT_JSON, root);
        m.setBody(json.mapper().convertValue(root, Object.class));
    }

    /** A bk-monitor alert: one per request. */
    public void acceptBkMonitor(Exchange exchange) {
        AlertIntake.Reply reply = intake.acceptOne(sources.bkMonitor().read(tree(exchange)).get(0));
        replies.reply(exchange, reply.status(), reply.body());
    }

    /** An Alertmanager message: a group of alerts. */
    public void acceptAlertmanager(Exchange exchange) {
        AlertIntake.Reply reply = intake.acceptGroup(sources.alertmanager().read(tree(exchange)));
        replies.reply(exchange, reply.status(), reply.body());
    }

    /** A Grafana message: a group of alerts. */
    public void acceptGrafana(Exchange exchange) {
        AlertIntake.Reply reply = intake.acceptGroup(sources.grafana().read(tree(exchange)));
        replies.reply(exchange, reply.status(), reply.body());
    }

    /** A custom source's alert, from the variables its route's expressions set. */
    public void acceptCustom(Exchange exchange) {
        CustomAlertFields fields = new CustomAlertFields(
                exchange.getVariable(IntakeVariables.ID), exchange.getVariable(IntakeVariables.ALERT_NAME),
                exchange.getVariable(IntakeVariables.IP), exchange.getVariable(IntakeVariables.IPV6),
                exchange.getVariable(IntakeVariables.CLOUD_ID), exchange.getVariable(IntakeVariables.HOST_ID),
                exchange.getVariable(IntakeVariables.BIZ_ID), exchange.getVariable(IntakeVariables.STRATEGY_ID),
                exchange.getVariable(IntakeVariables.SEVERITY), exchange.getVariable(IntakeVariables.STATUS),
                exchange.getVariable(IntakeVariables.LABELS), exchange.getVariable(IntakeVariables.ANNOTATIONS));
        ValidAlert alert = sources.custom().read(exchange.getVariable(IntakeVariables.ENDPOINT, String.class), fields,
                exchange.getVariable(IntakeVariables.SEVERITY_MAP, String.class),
                exchange.getVariable(IntakeVariables.STATUS_MAP, String.class),
                json.mapper().convertValue(tree(exchange), Object.class));
        AlertIntake.Reply reply = intake.acceptOne(alert);
        replies.reply(exchange, reply.status(), reply.body());
    }

    private static JsonNode tree(Exchange exchange) {
        JsonNode root = exchange.getVariable(IntakeVariables.ALERT_JSON, JsonNode.class);
        if (root == null) {
            throw new IllegalStateException("route " + exchange.getFromRouteId() + " did not call readJson first");
        }
        return root;
    }
}
