package io.alertjobbridge.job;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The step of call-job-api that waits for a permit of the shared {@link CallBudget} without holding
 * a thread, and the step after the call that gives it back. An exchange that fails between the two
 * still gives its permit back when it completes, so a permit is never lost.
 */
public final class CallBudgetProcessor extends AsyncProcessorSupport {

    static final String PERMIT = "jobApiPermit";

    private final CallBudget budget;
    private final LongConsumer waitedNanos;

    /** @param waitedNanos told how long each call waited for its permit (a metric) */
    public CallBudgetProcessor(CallBudget budget, LongConsumer waitedNanos) {
        this.budget = budget;
        this.waitedNanos = waitedNanos;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        AtomicBoolean held = new AtomicBoolean(true);
        exchange.setVariable(PERMIT, held);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                if (held.compareAndSet(true, false)) {
                    budget.release();
                }
            }
        });
        long asked = System.nanoTime();
        if (budget.acquire(() -> {
            waitedNanos.accept(System.nanoTime() - asked);
            callback.done(false);
        })) {
            waitedNanos.accept(0);
            callback.done(true);
            return true;
        }
        return false;
    }

    public CallBudget budget() {
        return budget;
    }

    /** Gives the permit back as soon as the call is over. */
    public void release(Exchange exchange) {
        AtomicBoolean held = exchange.getVariable(PERMIT, AtomicBoolean.class);
        if (held != null && held.compareAndSet(true, false)) {
            budget.release();
        }
        exchange.removeVariable(PERMIT);
    }
}
