package io.alertjobbridge.lifecycle;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import io.alertjobbridge.store.ActionStore;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Finds the actions whose next step is due and claims them for this process, never holding more
 * than {@code maxInFlight} at once: the rest stay in the database, due, until capacity frees up.
 * This is how thousands of running jobs wait without a thread each.
 */
public final class ActionDispatcher {

    private final ActionStore store;
    private final int maxInFlight;
    private final long claimMs;
    private final LongSupplier clock;
    private final AtomicInteger inFlight = new AtomicInteger();

    public ActionDispatcher(ActionStore store, int maxInFlight, long claimMs, LongSupplier clock) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("bridge.lifecycle.dispatch-batch must be positive, got " + maxInFlight);
        }
        this.store = store;
        this.maxInFlight = maxInFlight;
        this.claimMs = claimMs;
        this.clock = clock;
    }

    /** Claims due actions up to the free capacity; returns their ids. */
    public List<String> claimDue() {
        int free = maxInFlight - inFlight.get();
        if (free <= 0) {
            return List.of();
        }
        List<String> claimed = store.claimDue(free, clock.getAsLong() + claimMs);
        inFlight.addAndGet(claimed.size());
        return claimed;
    }

    /** Frees the step's capacity when its exchange completes, whatever the outcome (dead letters included). */
    public void track(Exchange exchange) {
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                inFlight.updateAndGet(n -> Math.max(0, n - 1));
            }
        });
    }

    public int inFlight() {
        return inFlight.get();
    }
}
