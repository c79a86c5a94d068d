package io.alertjobbridge.job;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.ExecutorServiceManager;

/**
 * At most {@code permitsPerWindow} Job API calls in any window of {@code windowMs}, as Job sees them.
 *
 * <p>A limiter that only counts when calls leave lets bursts through at the far end: network and
 * scheduling delays shift some of one second's calls into the next one. So a call holds its permit
 * from before it is sent until one window after its answer came back. Every call that reaches Job
 * inside some one-second window was sent before the window's end and answered after its start, so
 * all of them held a permit at the same instant, and there are only {@code permitsPerWindow} permits.
 * The cost is the call's own latency per permit: on a fast network the budget is used almost fully.
 *
 * <p>Waiting holds no thread: a call without a permit leaves a callback in a FIFO queue, and the
 * permit's return hands it to the worker executor.
 */
public final class CallBudget {

    private int permitsPerWindow;
    private final long windowMs;
    private final ScheduledExecutorService timer;
    private final Executor workers;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private int available;

    /**
     * A budget whose timer and workers are Camel thread pools (stopped with the context) with
     * unbounded queues. Camel's default queue of 1,000 tasks was a leak, not a bound: every call
     * schedules its permit's return one window later, so above ~1,000 calls a second the timer
     * refused returns, and each refusal lost a permit for good and failed the call's exchange. The
     * queues are bounded by what feeds them anyway: one return per permit, one waiter per call in hand.
     *
     * <p>For the workers Camel reads a queue size of -1 as a direct hand-over: up to 32 threads, and
     * beyond that the caller (the budget's timer) makes the call itself, which holds back the other
     * returns meanwhile. A fixed set of 32 threads behind a real queue was measured instead and used
     * less of a 1,000 calls/s budget (82-88 % against 94-97 %, docs/BENCHMARKS.md §3), so it stays.
     */
    public static CallBudget onCamel(CamelContext context, Object owner, int permitsPerWindow, long windowMs) {
        ExecutorServiceManager pools = context.getExecutorServiceManager();
        ScheduledExecutorService timer = pools.newScheduledThreadPool(owner, "job-api-budget",
                new ThreadPoolProfileBuilder("job-api-budget").poolSize(1).maxQueueSize(-1).build());
        ExecutorService workers = pools.newThreadPool(owner, "job-api-calls",
                new ThreadPoolProfileBuilder("job-api-calls").poolSize(4).maxPoolSize(32).maxQueueSize(-1).build());
        return new CallBudget(permitsPerWindow, windowMs, timer, workers);
    }

    public CallBudget(int permitsPerWindow, long windowMs, ScheduledExecutorService timer, Executor workers) {
        if (permitsPerWindow < 1) {
            throw new IllegalArgumentException("bridge.job.max-calls-per-second must be at least 1, got " + permitsPerWindow);
        }
        if (windowMs < 1) {
            throw new IllegalArgumentException("the budget window must be positive, got " + windowMs + " ms");
        }
        this.permitsPerWindow = permitsPerWindow;
        this.windowMs = windowMs;
        this.timer = timer;
        this.workers = workers;
        this.available = permitsPerWindow;
    }

    /**
     * Takes a permit for one call. Returns true when one was free (the caller goes on at once and
     * {@code whenGranted} is not called); otherwise queues {@code whenGranted}, which runs on a worker
     * thread once a permit is back, and returns false.
     */
    public boolean acquire(Runnable whenGranted) {
        synchronized (this) {
            if (available > 0) {
                available--;
                return true;
            }
            waiting.addLast(whenGranted);
            return false;
        }
    }

    /** The call is over (answered or failed): its permit comes back one window from now. */
    public void release() {
        timer.schedule(this::returnPermit, windowMs, TimeUnit.MILLISECONDS);
    }

    private void returnPermit() {
        Runnable next;
        synchronized (this) {
            if (available < 0) {
                // The budget shrank while this permit was out: it is retired instead of reused.
                available++;
                return;
            }
            next = waiting.pollFirst();
            if (next == null) {
                available = Math.min(available + 1, permitsPerWindow);
                return;
            }
        }
        workers.execute(next);
    }

    /**
     * Changes the number of permits (the instance's share of a cluster-wide budget). Permits held now
     * stay held; a smaller budget takes effect as they come back.
     */
    public void resize(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("a call budget needs at least 1 permit, got " + permits);
        }
        java.util.List<Runnable> granted = new java.util.ArrayList<>();
        synchronized (this) {
            available += permits - permitsPerWindow;
            permitsPerWindow = permits;
            while (available > 0 && !waiting.isEmpty()) {
                available--;
                granted.add(waiting.pollFirst());
            }
        }
        granted.forEach(workers::execute);
    }

    public synchronized int permits() {
        return permitsPerWindow;
    }

    /** Calls waiting for a permit now. */
    public synchronized int waiting() {
        return waiting.size();
    }
}
