package io.alertjobbridge.security;

import java.time.Clock;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first step of every inbound route: the request must carry a credential its endpoint accepts,
 * checked on the raw body before anything parses it. The endpoint is named by the route in the
 * {@value #ENDPOINT_VARIABLE} variable. A refusal is logged with the endpoint and the reason (never a
 * header or a value), at most once a minute per endpoint and reason.
 */
public final class InboundGuard {

    /** The variable an inbound route sets to the name of its endpoint (bk-monitor, alertmanager, ...). */
    public static final String ENDPOINT_VARIABLE = "endpoint";
    private static final String REMOTE_ADDRESS = "CamelVertxPlatformHttpRemoteAddress";
    private static final Logger LOG = LoggerFactory.getLogger(InboundGuard.class);

    private final InboundSecurity security;
    private final Clock clock;
    private final RefusalLog refusals = new RefusalLog();

    public InboundGuard(InboundSecurity security, Clock clock) {
        this.security = security;
        this.clock = clock;
    }

    public void admit(Exchange exchange) {
        String endpoint = exchange.getVariable(ENDPOINT_VARIABLE, String.class);
        if (endpoint == null) {
            throw new IllegalStateException("route " + exchange.getFromRouteId() + " sets no '" + ENDPOINT_VARIABLE
                    + "' variable before the inbound guard");
        }
        Message m = exchange.getMessage();
        byte[] body = m.getBody(byte[].class);
        // Keep the bytes: whoever reads the body next gets them as they are, not converted again.
        m.setBody(body);
        Verdict verdict = security.forEndpoint(endpoint).check(new InboundRequest(name -> m.getHeader(name, String.class), body));
        if (verdict == Verdict.ADMITTED) {
            return;
        }
        long unlogged = refusals.record(endpoint, verdict, clock.millis());
        if (unlogged >= 0) {
            LOG.warn("Refused a request to endpoint {} from {}: credential {}{}", endpoint,
                    m.getHeader(REMOTE_ADDRESS, "an unknown address", String.class), verdict.name().toLowerCase(),
                    unlogged > 0 ? " (and " + unlogged + " more such refusals since the last line)" : "");
        }
        throw new UnauthorizedException();
    }
}
