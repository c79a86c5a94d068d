package io.alertjobbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertGroupCommitTest {

    private final StoreTestDatabase db = new StoreTestDatabase();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    /** Counts the transactions opened; can hold the first one back, and can make commits fail. */
    private final AtomicInteger connections = new AtomicInteger();
    private final CountDownLatch firstConnectionMayGo = new CountDownLatch(1);
    private final AtomicBoolean holdFirstConnection = new AtomicBoolean();
    private final AtomicBoolean commitFails = new AtomicBoolean();
    private final ActionStore store = new ActionStore(watched(db.database.dataSource()), db.clock::get);

    private final List<AlertGroupCommit> writers = new ArrayList<>();

    private AlertGroupCommit groupCommit(int maxBatch) {
        return groupCommit(maxBatch, java.time.Duration.ofSeconds(30));
    }

    private AlertGroupCommit groupCommit(int maxBatch, java.time.Duration maxWait) {
        AlertGroupCommit group = new AlertGroupCommit(store, maxBatch, maxWait);
        writers.add(group);
        return group;
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        firstConnectionMayGo.countDown();
        writers.forEach(AlertGroupCommit::close);
        db.close();
    }

    private static ActionStore.AlertToStore alert(String alertId, String... actionIds) {
        List<NewAction> actions = new ArrayList<>();
        for (String id : actionIds) {
            actions.add(new NewAction(id, "act-" + id, 1000043, 2, 600));
        }
        return new ActionStore.AlertToStore(alertId, "api", "{\"id\":\"" + alertId + "\"}", actions, "me");
    }

    @Test
    void alerts_that_arrive_during_a_commit_are_committed_together_in_the_next_one() throws Exception {
        AlertGroupCommit group = groupCommit(128);
        holdFirstConnection.set(true);
        Future<List<ActionStore.AcceptOutcome>> first = pool.submit(() -> group.accept(List.of(alert("g-0", "g-0-a"))));
        waitFor(() -> connections.get() == 1);
        List<Thread> waiting = new ArrayList<>();
        List<Future<List<ActionStore.AcceptOutcome>>> later = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String id = "g-" + i;
            later.add(pool.submit(() -> {
                synchronized (waiting) {
                    waiting.add(Thread.currentThread());
                }
                return group.accept(List.of(alert(id, id + "-a")));
            }));
        }
        // All four queued and waiting for their outcome while the first commit is held back.
        waitFor(() -> {
            synchronized (waiting) {
                return waiting.size() == 4 && waiting.stream().allMatch(t -> t.getState() == Thread.State.TIMED_WAITING);
            }
        });
        firstConnectionMayGo.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).get(0).orThrow().created()).isTrue();
        for (Future<List<ActionStore.AcceptOutcome>> f : later) {
            assertThat(f.get(10, TimeUnit.SECONDS).get(0).orThrow().created()).isTrue();
        }
        assertThat(connections.get()).as("one transaction for the first alert, one for the four behind it").isEqualTo(2);
        for (int i = 0; i <= 4; i++) {
            assertThat(db.actions.find("g-" + i + "-a")).as("g-%d", i).isPresent();
        }
    }

    @Test
    void a_sender_is_answered_with_a_failure_when_the_store_hangs_past_the_wait_and_a_retry_is_a_repeat() throws Exception {
        AlertGroupCommit group = groupCommit(128, java.time.Duration.ofMillis(300));
        holdFirstConnection.set(true);

        ActionStore.AcceptOutcome waited = group.accept(List.of(alert("h-1", "h-1-a"))).get(0);

        assertThat(waited.failure()).hasMessageContaining("did not commit the alert within 300 ms");
        firstConnectionMayGo.countDown();
        waitFor(() -> db.actions.find("h-1-a").isPresent());
        ActionStore.AcceptedAlert retry = group.accept(List.of(alert("h-1", "other"))).get(0).orThrow();
        assertThat(retry.created()).isFalse();
        assertThat(retry.actions()).extracting(ActionStore.ActionSummary::id).containsExactly("h-1-a");
    }

    @Test
    void a_repeat_and_a_failure_in_one_batch_leave_the_other_alerts_stored() {
        List<ActionStore.AcceptOutcome> outcomes = store.acceptAlerts(List.of(
                alert("b-1", "b-1-a", "b-1-b"),
                alert("b-1", "other-x"),          // the same alert again, in the same batch
                alert("b-2", "b-1-a"),            // an action id that is taken: this alert fails
                alert("b-3", "b-3-a")));

        assertThat(outcomes.get(0).orThrow().created()).isTrue();
        ActionStore.AcceptedAlert repeat = outcomes.get(1).orThrow();
        assertThat(repeat.created()).isFalse();
        assertThat(repeat.actions()).extracting(ActionStore.ActionSummary::id).containsExactly("b-1-a", "b-1-b");
        assertThat(outcomes.get(2).failure()).hasMessageContaining("b-2");
        assertThat(outcomes.get(3).orThrow().created()).isTrue();
        assertThat(connections.get()).isEqualTo(1);

        assertThat(db.actions.alertPayload("b-2")).as("nothing of the failed alert is kept").isEmpty();
        assertThat(db.actions.list(null, "b-1", 10)).extracting(ActionRecord::id).containsExactlyInAnyOrder("b-1-a", "b-1-b");
        assertThat(db.actions.find("other-x")).isEmpty();
        assertThat(db.actions.find("b-3-a")).isPresent();
    }

    @Test
    void a_failed_commit_fails_every_alert_of_its_batch_and_stores_none_of_them() {
        AlertGroupCommit group = groupCommit(128);
        commitFails.set(true);

        List<ActionStore.AcceptOutcome> outcomes = group.accept(List.of(alert("f-1", "f-1-a"), alert("f-2", "f-2-a")));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isInstanceOf(StoreException.class));
        assertThat(db.actions.alertPayload("f-1")).isEmpty();
        assertThat(db.actions.alertPayload("f-2")).isEmpty();
        commitFails.set(false);
        assertThat(group.accept(List.of(alert("f-1", "f-1-a"))).get(0).orThrow().created())
                .as("the sender's retry stores it").isTrue();
    }

    @Test
    void many_concurrent_senders_each_get_their_own_alert_committed() throws Exception {
        AlertGroupCommit group = groupCommit(16);
        int senders = 16;
        int each = 50;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            results.add(pool.submit(() -> {
                go.await();
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    String id = "c-" + sender + "-" + i;
                    ActionStore.AcceptedAlert accepted = group.accept(List.of(alert(id, id + "-a"))).get(0).orThrow();
                    assertThat(accepted.created()).isTrue();
                    ids.add(accepted.actions().get(0).id());
                }
                return ids;
            }));
        }
        go.countDown();
        for (int s = 0; s < senders; s++) {
            List<String> ids = results.get(s).get(60, TimeUnit.SECONDS);
            for (int i = 0; i < each; i++) {
                assertThat(ids.get(i)).isEqualTo("c-" + s + "-" + i + "-a");
                assertThat(db.actions.find(ids.get(i))).isPresent();
            }
        }
    }

    private DataSource watched(DataSource real) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(real, method, args);
            if (method.getName().equals("getConnection")) {
                if (connections.incrementAndGet() == 1 && holdFirstConnection.get()) {
                    firstConnectionMayGo.await();
                }
                return failingCommits((Connection) result);
            }
            return result;
        };
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class}, handler);
    }

    private Connection failingCommits(Connection real) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("commit") && commitFails.get()) {
                throw new SQLException("disk full (test)", "08000");
            }
            return invoke(real, method, args);
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
