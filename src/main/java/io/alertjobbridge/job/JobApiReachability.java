package io.alertjobbridge.job;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Whether Job answers, judged from the calls the bridge makes anyway (no extra probing, which would
 * spend the call budget): down after {@value #FAILURES_FOR_DOWN} calls in a row that got no usable
 * answer (refused, unreachable, timed out, 5xx). Any answer from Job, even a refusal, shows it is up.
 */
public final class JobApiReachability {

    static final int FAILURES_FOR_DOWN = 3;

    private final LongSupplier clock;
    private final AtomicInteger failuresInRow = new AtomicInteger();
    private final AtomicLong lastAnswerAt = new AtomicLong();
    private volatile String lastProblem;

    public JobApiReachability(LongSupplier clock) {
        this.clock = clock;
    }

    public void record(JobAnswer answer) {
        if (answer.kind() == JobAnswer.Kind.NOT_SENT || answer.kind() == JobAnswer.Kind.ANSWER_LOST) {
            failuresInRow.incrementAndGet();
            lastProblem = answer.describe();
        } else {
            failuresInRow.set(0);
            lastAnswerAt.set(clock.getAsLong());
        }
    }

    public boolean reachable() {
        return failuresInRow.get() < FAILURES_FOR_DOWN;
    }

    public int failuresInRow() {
        return failuresInRow.get();
    }

    /** Epoch ms of the last call Job answered, 0 if none yet. */
    public long lastAnswerAt() {
        return lastAnswerAt.get();
    }

    public String lastProblem() {
        return lastProblem;
    }
}
