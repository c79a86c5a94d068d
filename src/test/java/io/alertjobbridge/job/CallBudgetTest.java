package io.alertjobbridge.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallBudgetTest {

    private static final long WINDOW_MS = 1000;

    /** A timer that only records what is scheduled; the test fires the tasks by hand. */
    private static final class ManualTimer extends ScheduledThreadPoolExecutor {
        record Task(Runnable task, long delayMs) {
        }

        final Queue<Task> scheduled = new ArrayDeque<>();

        ManualTimer() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            scheduled.add(new Task(command, unit.toMillis(delay)));
            return null;
        }

        /** Runs the oldest scheduled task: one window has passed for it. */
        void fireNext() {
            Task t = scheduled.remove();
            t.task().run();
        }
    }

    private final ManualTimer timer = new ManualTimer();
    /** The worker executor: queued, run only when the test says so. */
    private final Queue<Runnable> workers = new ArrayDeque<>();
    private final List<String> ran = new ArrayList<>();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    private CallBudget budget(int permits) {
        return new CallBudget(permits, WINDOW_MS, timer, workers::add);
    }

    private Runnable mark(String name) {
        return () -> ran.add(name);
    }

    @Test
    void acquire_grants_at_once_up_to_the_permit_count_then_queues() {
        CallBudget budget = budget(3);

        assertThat(budget.acquire(mark("a"))).isTrue();
        assertThat(budget.acquire(mark("b"))).isTrue();
        assertThat(budget.acquire(mark("c"))).isTrue();
        assertThat(budget.acquire(mark("d"))).isFalse();
        assertThat(budget.acquire(mark("e"))).isFalse();

        assertThat(budget.waiting()).isEqualTo(2);
        assertThat(ran).as("a granted call's callback is not run").isEmpty();
        assertThat(workers).isEmpty();
    }

    @Test
    void release_returns_the_permit_only_one_window_later() {
        CallBudget budget = budget(1);
        budget.acquire(mark("a"));

        budget.release();

        assertThat(timer.scheduled).singleElement().extracting(ManualTimer.Task::delayMs).isEqualTo(WINDOW_MS);
        assertThat(budget.acquire(mark("b"))).as("permit still held during the window").isFalse();
        timer.fireNext();
        assertThat(budget.waiting()).isZero();
    }

    @Test
    void returned_permit_goes_to_the_first_waiter_on_a_worker_not_to_the_pool() {
        CallBudget budget = budget(1);
        budget.acquire(mark("a"));
        budget.acquire(mark("b"));

        budget.release();
        timer.fireNext();

        assertThat(ran).as("not run on the timer thread").isEmpty();
        assertThat(workers).hasSize(1);
        workers.remove().run();
        assertThat(ran).containsExactly("b");
        assertThat(budget.acquire(mark("c"))).as("the permit went to b, not back to the pool").isFalse();
    }

    @Test
    void waiters_are_served_first_in_first_out() {
        CallBudget budget = budget(2);
        budget.acquire(mark("x"));
        budget.acquire(mark("y"));
        for (String name : List.of("w1", "w2", "w3", "w4")) {
            assertThat(budget.acquire(mark(name))).isFalse();
        }

        for (int i = 0; i < 4; i++) {
            budget.release();
        }
        while (!timer.scheduled.isEmpty()) {
            timer.fireNext();
        }
        while (!workers.isEmpty()) {
            workers.remove().run();
        }

        assertThat(ran).containsExactly("w1", "w2", "w3", "w4");
        assertThat(budget.waiting()).isZero();
    }

    @Test
    void returned_permit_without_waiters_makes_a_later_acquire_succeed() {
        CallBudget budget = budget(2);
        budget.acquire(mark("a"));
        budget.acquire(mark("b"));

        budget.release();
        budget.release();
        timer.fireNext();
        timer.fireNext();

        assertThat(workers).isEmpty();
        assertThat(budget.acquire(mark("c"))).isTrue();
        assertThat(budget.acquire(mark("d"))).isTrue();
        assertThat(budget.acquire(mark("e"))).isFalse();
    }

    @Test
    void surplus_releases_never_raise_the_budget_above_the_permit_count() {
        CallBudget budget = budget(1);

        budget.release();
        budget.release();
        timer.fireNext();
        timer.fireNext();

        assertThat(budget.acquire(mark("a"))).isTrue();
        assertThat(budget.acquire(mark("b"))).isFalse();
    }

    @Test
    void growing_the_budget_hands_new_permits_to_waiters_in_order() {
        CallBudget budget = budget(1);
        budget.acquire(mark("a"));
        for (String name : List.of("w1", "w2", "w3")) {
            budget.acquire(mark(name));
        }

        budget.resize(3);

        assertThat(budget.permits()).isEqualTo(3);
        assertThat(budget.waiting()).isEqualTo(1);
        while (!workers.isEmpty()) {
            workers.remove().run();
        }
        assertThat(ran).containsExactly("w1", "w2");
    }

    @Test
    void shrinking_the_budget_retires_returned_permits_until_within_the_new_size() {
        CallBudget budget = budget(3);
        budget.acquire(mark("a"));
        budget.acquire(mark("b"));
        budget.acquire(mark("c"));

        budget.resize(1);
        for (int i = 0; i < 3; i++) {
            budget.release();
        }
        timer.fireNext();
        timer.fireNext();
        assertThat(budget.acquire(mark("d"))).as("two returned permits were retired").isFalse();
        timer.fireNext();

        assertThat(workers).as("the third returned permit goes to the waiter").hasSize(1);
        assertThat(budget.acquire(mark("e"))).isFalse();
    }

    @Test
    void shrinking_with_free_permits_takes_effect_at_once() {
        CallBudget budget = budget(4);

        budget.resize(2);

        assertThat(budget.acquire(mark("a"))).isTrue();
        assertThat(budget.acquire(mark("b"))).isTrue();
        assertThat(budget.acquire(mark("c"))).isFalse();
    }

    @Test
    void resize_to_zero_is_refused_naming_the_value() {
        assertThatThrownBy(() -> budget(2).resize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
    }

    @Test
    void zero_permits_are_refused_naming_the_value() {
        assertThatThrownBy(() -> new CallBudget(0, WINDOW_MS, timer, Runnable::run))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bridge.job.max-calls-per-second")
                .hasMessageContaining("got 0");
    }

    @Test
    void non_positive_window_is_refused_naming_the_value() {
        assertThatThrownBy(() -> new CallBudget(1, 0, timer, Runnable::run))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0 ms");
    }

    /**
     * Property: with N permits and window W, calls that "reach Job" at a random moment between grant and
     * release never number more than N in any span shorter than W, whatever their latencies.
     */
    @Test
    void no_window_ever_sees_more_arrivals_than_permits() throws Exception {
        int permits = 4;
        long windowMs = 50;
        int calls = 48;
        ScheduledExecutorService budgetTimer = Executors.newSingleThreadScheduledExecutor();
        ExecutorService budgetWorkers = Executors.newFixedThreadPool(2);
        ScheduledExecutorService network = Executors.newScheduledThreadPool(4);
        try {
            CallBudget budget = new CallBudget(permits, windowMs, budgetTimer, budgetWorkers);
            List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch done = new CountDownLatch(calls);
            Random random = new Random(20260724L);
            for (int i = 0; i < calls; i++) {
                long sendDelay = random.nextInt(8);      // ms from grant until the call reaches Job
                long answerDelay = random.nextInt(8);    // ms from arrival until the answer is back
                long startAt = random.nextInt(150);      // ms after the test start the call wants to go
                Runnable granted = () -> network.schedule(() -> {
                    arrivals.add(System.nanoTime());
                    network.schedule(() -> {
                        budget.release();
                        done.countDown();
                    }, answerDelay, TimeUnit.MILLISECONDS);
                }, sendDelay, TimeUnit.MILLISECONDS);
                network.schedule(() -> {
                    if (budget.acquire(granted)) {
                        granted.run();
                    }
                }, startAt, TimeUnit.MILLISECONDS);
            }

            assertThat(done.await(10, TimeUnit.SECONDS)).as("all calls finished").isTrue();

            List<Long> sorted = new ArrayList<>(arrivals);
            Collections.sort(sorted);
            assertThat(sorted).hasSize(calls);
            long windowNs = TimeUnit.MILLISECONDS.toNanos(windowMs);
            for (int i = 0; i + permits < sorted.size(); i++) {
                long span = sorted.get(i + permits) - sorted.get(i);
                assertThat(span).as("arrivals %d..%d (%d of them) span %d ns", i, i + permits, permits + 1, span)
                        .isGreaterThanOrEqualTo(windowNs);
            }
        } finally {
            network.shutdownNow();
            budgetWorkers.shutdownNow();
            budgetTimer.shutdownNow();
        }
    }

    @Test
    void a_budget_above_a_thousand_calls_a_second_gets_every_permit_back() throws Exception {
        try (org.apache.camel.impl.DefaultCamelContext context = new org.apache.camel.impl.DefaultCamelContext()) {
            context.start();
            int permits = 3000;
            CallBudget budget = CallBudget.onCamel(context, this, permits, 200);
            for (int i = 0; i < permits; i++) {
                assertThat(budget.acquire(() -> { })).isTrue();
            }
            // 3,000 calls end at once: 3,000 permit returns wait on the timer at the same time
            // (Camel's default queue of 1,000 refused the rest, and their permits were lost).
            for (int i = 0; i < permits; i++) {
                budget.release();
            }
            Thread.sleep(1500);
            int back = 0;
            while (back < permits && budget.acquire(() -> { })) {
                back++;
            }
            assertThat(back).as("permits back after one window").isEqualTo(permits);
        }
    }
}
