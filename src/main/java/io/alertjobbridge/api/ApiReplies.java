package io.alertjobbridge.api;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertjobbridge.observe.BridgeMetrics;
import io.alertjobbridge.security.InboundGuard;
import io.alertjobbridge.intake.BadRequestException;
import io.alertjobbridge.security.UnauthorizedException;
import io.alertjobbridge.store.StoreException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every HTTP answer of the API: a JSON body, its status, and no header but Content-Type,
 * so nothing a caller sent is echoed back. Errors become {"error": {"code", "message", "field"}};
 * unexpected ones say only that something failed, with the details in the log.
 */
public final class ApiReplies {

    private static final Logger LOG = LoggerFactory.getLogger(ApiReplies.class);

    private final ObjectMapper json;
    private final BridgeMetrics metrics;

    public ApiReplies(ObjectMapper json, BridgeMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    public void ok(Exchange exchange) {
        reply(exchange, 200, exchange.getMessage().getBody());
    }

    /** 202: the request was taken and its work goes on in the background. */
    public void accepted(Exchange exchange) {
        reply(exchange, 202, exchange.getMessage().getBody());
    }

    public void error(Exchange exchange) {
        Throwable error = ours(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        if (error instanceof UnauthorizedException) {
            // The same answer whatever was missing or wrong: a caller learns nothing from a refusal.
            reply(exchange, 401, errorBody("unauthorized", "unauthorized", null));
        } else if (error instanceof BadRequestException bad) {
            reply(exchange, bad.status(), errorBody(bad.code(), bad.getMessage(), bad.field()));
        } else if (error instanceof NotFoundException nf) {
            reply(exchange, 404, errorBody("not_found", nf.getMessage(), null));
        } else if (error instanceof StoreException) {
            LOG.error("Request failed: the store is unavailable", error);
            reply(exchange, 503, errorBody("store_unavailable", "the bridge's database is unavailable; nothing was"
                    + " stored, send again later", null));
        } else {
            LOG.error("Request failed unexpectedly", error);
            reply(exchange, 500, errorBody("internal_error", "the request failed inside the bridge; nothing was"
                    + " stored", null));
        }
    }

    /** Bean and expression calls wrap what our code threw; the answer depends on the original. */
    private static Throwable ours(Throwable error) {
        Throwable t = error;
        while (t != null) {
            if (t instanceof BadRequestException || t instanceof NotFoundException || t instanceof StoreException
                    || t instanceof UnauthorizedException) {
                return t;
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return error;
    }

    /**
     * Alert requests refused before any alert was read (bad input, no credential, shutting down), by
     * endpoint, for bridge_alerts_received_total; accepted and duplicate alerts are counted one by one
     * where they are stored (AlertIntake).
     */
    private void countAlertRequest(Exchange exchange, int status) {
        String endpoint = exchange.getVariable(InboundGuard.ENDPOINT_VARIABLE, String.class);
        if (endpoint == null || endpoint.equals("preview") || status < 400) {
            return;
        }
        String outcome = switch (status) {
            case 401 -> "unauthorized";
            case 503 -> "unavailable";
            default -> status >= 500 ? "error" : "rejected";
        };
        metrics.alertReceived(endpoint, outcome);
    }

    private static Map<String, Object> errorBody(String code, String message, String field) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", code);
        e.put("message", message);
        if (field != null) {
            e.put("field", field);
        }
        return Map.of("error", e);
    }

    public void reply(Exchange exchange, int status, Object body) {
        countAlertRequest(exchange, status);
        Message m = exchange.getMessage();
        m.removeHeaders("*");
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        m.setHeader(Exchange.CONTENT_TYPE, "application/json");
        try {
            m.setBody(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the reply", e);
        }
    }
}
