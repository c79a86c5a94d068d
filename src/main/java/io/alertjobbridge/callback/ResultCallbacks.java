package io.alertjobbridge.callback;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertjobbridge.store.ActionRecord;
import io.alertjobbridge.store.ActionStatus;
import io.alertjobbridge.store.ActionStore;
import io.alertjobbridge.store.CallbackStore;
import io.alertjobbridge.store.DeadLetterStore;
import io.alertjobbridge.store.NewCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Result callbacks: built when an action ends (queued in the transaction that ends it), then POSTed
 * by routes/callbacks.camel.yaml with retries and exponential back-off; a callback that keeps
 * failing ends in the dead-letter store, from where a replay sends it again.
 */
public final class ResultCallbacks {

    private static final Logger LOG = LoggerFactory.getLogger(ResultCallbacks.class);
    static final String CALLBACK_VARIABLE = "callback";

    private final CallbackTargets targets;
    private final Function<String, List<String>> actionUrls;
    private final CallbackStore store;
    private final ActionStore actions;
    private final DeadLetterStore deadLetters;
    private final ObjectMapper json;
    private final LongSupplier clock;
    private final int maxAttempts;
    private final long initialDelayMs;
    private final long maxDelayMs;
    private final long leaseMs;

    public ResultCallbacks(CallbackTargets targets, Function<String, List<String>> actionUrls, CallbackStore store,
                           ActionStore actions, DeadLetterStore deadLetters, ObjectMapper json, LongSupplier clock,
                           int maxAttempts, long initialDelayMs, long maxDelayMs, long leaseMs) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("bridge.callbacks.max-attempts must be at least 1, got " + maxAttempts);
        }
        this.targets = targets;
        this.actionUrls = actionUrls;
        this.store = store;
        this.actions = actions;
        this.deadLetters = deadLetters;
        this.json = json;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.initialDelayMs = initialDelayMs;
        this.maxDelayMs = maxDelayMs;
        this.leaseMs = leaseMs;
    }

    /** The callbacks an action's end triggers, each with the result as its body. */
    public List<NewCallback> forFinished(ActionRecord action, ActionStatus status, String reason, long finishedAt) {
        List<String> urls = targets.forAction(actionUrls.apply(action.actionName()));
        if (urls.isEmpty()) {
            return List.of();
        }
        String payload;
        try {
            payload = json.writeValueAsString(ResultPayload.build(action, status, reason, finishedAt,
                    actions.hostResults(action.id())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the result of action " + action.id(), e);
        }
        List<NewCallback> out = new ArrayList<>();
        for (String url : urls) {
            out.add(new NewCallback(UUID.randomUUID().toString(), url, payload));
        }
        return out;
    }

    /**
     * An action that a dead letter ended (outside the lifecycle's own commits) still reports its end.
     * Queued right after the letter's transaction: a crash in between loses this one report, never
     * the action's state.
     */
    public void afterDeadLetter(String actionId, String letterId) {
        actions.find(actionId).ifPresent(action -> {
            if (action.status() == ActionStatus.FAILURE && action.reason() != null
                    && action.reason().startsWith("dead letter " + letterId)) {
                long finished = action.finishedAt() == null ? clock.getAsLong() : action.finishedAt();
                store.add(actionId, forFinished(action, ActionStatus.FAILURE, action.reason(), finished));
            }
        });
    }

    // ---- delivery, called by routes/callbacks.camel.yaml -----------------------------------------

    public List<CallbackStore.Callback> claimDue() {
        return store.claimDue(100, leaseMs);
    }

    public void prepare(Exchange exchange) {
        CallbackStore.Callback cb = exchange.getMessage().getBody(CallbackStore.Callback.class);
        exchange.setVariable(CALLBACK_VARIABLE, cb);
        Message m = exchange.getMessage();
        m.setHeader(Exchange.HTTP_METHOD, "POST");
        m.setHeader(Exchange.HTTP_URI, cb.url());
        m.setHeader(Exchange.CONTENT_TYPE, "application/json");
        m.setBody(cb.payload());
    }

    public void onAnswer(Exchange exchange) {
        CallbackStore.Callback cb = exchange.getVariable(CALLBACK_VARIABLE, CallbackStore.Callback.class);
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        exchange.getMessage().setBody(null);
        if (status != null && status >= 200 && status < 300) {
            store.delivered(cb.id(), cb.attempts() + 1);
            LOG.info("Callback {} of action {} delivered to {}", cb.id(), cb.actionId(), cb.url());
            return;
        }
        retryOrGiveUp(cb, "HTTP " + status);
    }

    public void onTransportError(Exchange exchange) {
        CallbackStore.Callback cb = exchange.getVariable(CALLBACK_VARIABLE, CallbackStore.Callback.class);
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        exchange.getMessage().setBody(null);
        retryOrGiveUp(cb, error == null ? "no answer" : error.getClass().getSimpleName() + ": " + error.getMessage());
    }

    private void retryOrGiveUp(CallbackStore.Callback cb, String problem) {
        int attempts = cb.attempts() + 1;
        if (attempts >= maxAttempts) {
            store.failed(cb.id(), attempts, problem);
            deadLetters.store(UUID.randomUUID().toString(), cb.actionId(), null, DeadLetterStore.CALLBACK_ROUTE, cb.url(),
                    "callback to " + cb.url() + " failed " + attempts + " times; last: " + problem, cb.id());
            LOG.error("Callback {} of action {} to {} failed {} times, moved to the dead letters; last: {}", cb.id(),
                    cb.actionId(), cb.url(), attempts, problem);
            return;
        }
        long delay = backoff(attempts);
        store.retryAt(cb.id(), attempts, clock.getAsLong() + delay, problem);
        LOG.warn("Callback {} of action {} to {} failed ({}), retry {} of {} in {} ms", cb.id(), cb.actionId(),
                cb.url(), problem, attempts, maxAttempts - 1, delay);
    }

    long backoff(int attempt) {
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        if (initialDelayMs > (maxDelayMs >> shift)) {
            return maxDelayMs;
        }
        return initialDelayMs << shift;
    }
}
