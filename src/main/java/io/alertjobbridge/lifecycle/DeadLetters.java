package io.alertjobbridge.lifecycle;

import java.util.UUID;

import io.alertjobbridge.callback.ResultCallbacks;
import io.alertjobbridge.observe.BridgeMetrics;
import io.alertjobbridge.store.DeadLetter;
import io.alertjobbridge.store.DeadLetterStore;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of the dead-letter channel: keeps the original message, the error, the failing route and
 * endpoint and the time, and ends the action the message belongs to as failure with that reason.
 */
public final class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final DeadLetterStore store;
    private final String owner;
    private final BridgeMetrics metrics;
    private final ResultCallbacks callbacks;

    public DeadLetters(DeadLetterStore store, String owner, BridgeMetrics metrics, ResultCallbacks callbacks) {
        this.store = store;
        this.owner = owner;
        this.metrics = metrics;
        this.callbacks = callbacks;
    }

    public void store(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String routeId = exchange.getProperty(Exchange.FAILURE_ROUTE_ID, String.class);
        String endpoint = exchange.getProperty(Exchange.FAILURE_ENDPOINT, String.class);
        // A lifecycle exchange names its action in a variable from its first step, whatever its body
        // has become; any other route's letter keeps the body it failed with.
        String actionId = exchange.getVariable(LifecycleVariables.ACTION_ID, String.class);
        String body = actionId != null ? actionId : exchange.getMessage().getBody(String.class);
        String message = error == null ? "unknown error" : describe(error);
        DeadLetter letter = store.store(UUID.randomUUID().toString(), body, owner, routeId, endpoint, message, body);
        metrics.deadLetter("stored");
        if (letter.actionId() != null) {
            callbacks.afterDeadLetter(letter.actionId(), letter.id());
        }
        LOG.error("Dead letter {} from route {} (action {}): {}", letter.id(), routeId, letter.actionId(), message, error);
    }

    private static String describe(Throwable error) {
        String m = error.getMessage();
        String text = error.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        return text.length() > 4000 ? text.substring(0, 4000) + "..." : text;
    }
}
