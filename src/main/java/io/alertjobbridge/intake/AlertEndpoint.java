package io.alertjobbridge.intake;

import io.alertjobbridge.api.ApiReplies;
import org.apache.camel.Exchange;

/** The HTTP side of intake: the raw body and its content type in, the stored outcome's reply out. */
public final class AlertEndpoint {

    private final AlertIntake intake;
    private final ApiReplies replies;
    private final IntakeGate gate;

    public AlertEndpoint(AlertIntake intake, ApiReplies replies, IntakeGate gate) {
        this.intake = intake;
        this.replies = replies;
        this.gate = gate;
    }

    public void receiveBkMonitorAlert(Exchange exchange) {
        gate.requireOpen();
        String body = exchange.getMessage().getBody(String.class);
        String contentType = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class);
        AlertIntake.Reply reply = intake.accept(body, contentType, "bk-monitor");
        replies.reply(exchange, reply.status(), reply.body());
    }
}
