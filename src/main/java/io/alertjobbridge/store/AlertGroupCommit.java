package io.alertjobbridge.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Group commit for intake: alerts that arrive while a batch is being written are stored together,
 * in one transaction with one commit, instead of one commit each. With the embedded H2 store every
 * commit writes the changed pages of the alert and action tables and of their indexes (at once, so
 * that a {@code kill -9} never undoes an answered alert), and commits queue behind one another; one
 * commit for many alerts is what lets intake keep up with many concurrent senders.
 *
 * <p>One writer thread takes whatever is queued (up to {@code maxBatch} alerts) and writes it; the
 * senders wait for their own alert's outcome. Batches form by themselves under load (what arrives
 * during one commit goes in the next) and are of one alert when alerts come one at a time, so a lone
 * alert waits for nothing but its own commit. Each sender is answered only after its alert is
 * committed, as before: an answered alert is durable.
 */
public final class AlertGroupCommit implements AutoCloseable {

    private final ActionStore store;
    private final int maxBatch;
    private final Duration maxWait;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    /**
     * @param maxWait how long a sender waits for its alert's commit before it is answered with a failure
     *                (a database that hangs must not hold every sender for good; a sender's retry of an
     *                alert that was committed after all is answered as a repeat)
     */
    public AlertGroupCommit(ActionStore store, int maxBatch, Duration maxWait) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
        }
        this.store = store;
        this.maxBatch = maxBatch;
        this.maxWait = maxWait;
        this.writer = new Thread(this::writeUntilClosed, "bridge-intake-writer");
        // Never holds the JVM up: at a graceful stop intake closes first and the requests in flight
        // are answered before the database closes.
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Stores the alerts (of one request) and returns once every one of them is committed: one outcome
     * per alert, in order. A failure of one alert is in its outcome; a failed commit is the failure of
     * every alert of that batch.
     */
    public List<ActionStore.AcceptOutcome> accept(List<ActionStore.AlertToStore> alerts) {
        if (closed) {
            throw new IllegalStateException("intake's writer is closed");
        }
        List<Pending> mine = new ArrayList<>(alerts.size());
        for (ActionStore.AlertToStore alert : alerts) {
            Pending p = new Pending(alert);
            mine.add(p);
            queue.add(p);
        }
        if (closed) {
            failQueued();
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        List<ActionStore.AcceptOutcome> outcomes = new ArrayList<>(mine.size());
        for (Pending p : mine) {
            outcomes.add(outcomeBy(p, deadline));
        }
        return outcomes;
    }

    private ActionStore.AcceptOutcome outcomeBy(Pending p, long deadline) {
        try {
            return p.outcome.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return new ActionStore.AcceptOutcome(null, new StoreException(
                    "the store did not commit the alert within " + maxWait.toMillis() + " ms", null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ActionStore.AcceptOutcome(null, new StoreException("interrupted while the alert was stored", e));
        } catch (ExecutionException e) {
            // Outcomes are only ever completed normally; kept for the compiler.
            return new ActionStore.AcceptOutcome(null, new StoreException("could not store the alert", e.getCause()));
        }
    }

    /** After the writer stopped: whatever is still queued is answered as a failure. */
    private void failQueued() {
        List<Pending> late = new ArrayList<>();
        queue.drainTo(late);
        failAll(late, new StoreException("intake's writer is closed", null));
    }

    private static void failAll(List<Pending> pending, StoreException failure) {
        for (Pending p : pending) {
            p.outcome.complete(new ActionStore.AcceptOutcome(null, failure));
        }
    }

    /**
     * Lets the writer finish what is queued before this call, then stops it. For tests and embedders:
     * the bridge itself never closes it (intake stops taking alerts first, and the thread is a daemon).
     */
    @Override
    public void close() {
        closed = true;
        // A marker rather than an interrupt: an interrupt during a write would close H2's file channel.
        queue.add(STOP);
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!writer.isAlive()) {
            failQueued();
        }
    }

    private void writeUntilClosed() {
        List<Pending> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue;
            }
            try {
                queue.drainTo(batch, maxBatch - 1);
                int stop = batch.indexOf(STOP);
                if (stop >= 0) {
                    write(batch.subList(0, stop));
                    failAll(batch.subList(stop + 1, batch.size()), new StoreException("intake's writer is closed", null));
                    return;
                }
                write(batch);
            } catch (Throwable e) {
                // Every sender gets an outcome (none may wait for one that never comes), and the writer
                // goes on: every sender waits on it.
                failAll(batch, e instanceof StoreException s ? s
                        : new StoreException("could not store a batch of " + batch.size() + " alerts", e));
            }
            batch.clear();
        }
    }

    private void write(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<ActionStore.AlertToStore> alerts = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            alerts.add(p.alert);
        }
        List<ActionStore.AcceptOutcome> outcomes = store.acceptAlerts(alerts);
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).outcome.complete(outcomes.get(i));
        }
    }

    /** Queued by {@link #close()}: the writer stops when it reaches it. */
    private static final Pending STOP = new Pending(null);

    /** An alert waiting for its batch. */
    private static final class Pending {
        final ActionStore.AlertToStore alert;
        final CompletableFuture<ActionStore.AcceptOutcome> outcome = new CompletableFuture<>();

        Pending(ActionStore.AlertToStore alert) {
            this.alert = alert;
        }
    }
}
