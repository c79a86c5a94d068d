package io.alertjobbridge.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.alertjobbridge.support.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store's contract on every database it supports (H2, PostgreSQL, MariaDB/MySQL): the same
 * schema from the same migrations, the same answers, and row locking that lets several instances
 * share the work without ever holding the same action.
 */
class StoreOnEveryDatabaseTest {

    private static final long LEASE_MS = 15_000;

    private final AtomicLong clock = new AtomicLong(1_800_000_000_000L);

    static List<String> databases() {
        return TestDatabases.kinds();
    }

    private static List<NewAction> actions(int n) {
        List<NewAction> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new NewAction(UUID.randomUUID().toString(), "disk-cleanup", 1000043L, 2L, 60));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void an_alert_is_stored_once_with_its_actions(String kind) {
        try (TestDatabases.Fresh db = TestDatabases.fresh(kind); Database database = open(db)) {
            ActionStore store = new ActionStore(database.dataSource(), clock::get);
            String payload = "{\"id\": \"a1\", \"extra\": \"" + "清".repeat(30_000) + "\"}";

            ActionStore.AcceptedAlert first = store.acceptAlert("a1", "bk-monitor", payload, actions(2));
            ActionStore.AcceptedAlert again = store.acceptAlert("a1", "bk-monitor", payload, actions(2));

            assertThat(first.created()).isTrue();
            assertThat(again.created()).isFalse();
            assertThat(again.actions()).extracting(ActionStore.ActionSummary::id)
                    .containsExactlyInAnyOrderElementsOf(first.actions().stream().map(ActionStore.ActionSummary::id).toList());
            assertThat(store.alertPayload("a1")).contains(payload);
            assertThat(store.list(null, "a1", 10)).hasSize(2);
        }
    }

    /** Intake's group commit, the common case: a batch with nothing repeated goes in whole, actions and all. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_batch_of_new_alerts_is_stored_whole(String kind) {
        try (TestDatabases.Fresh db = TestDatabases.fresh(kind); Database database = open(db)) {
            ActionStore store = new ActionStore(database.dataSource(), clock::get);
            List<ActionStore.AcceptOutcome> outcomes = store.acceptAlerts(List.of(
                    new ActionStore.AlertToStore("n1", "api", "{\"n\":1}", actions(2), "me"),
                    new ActionStore.AlertToStore("n2", "api", "{\"n\":2}", List.of(), "me"),
                    new ActionStore.AlertToStore("n3", "api", "{\"n\":3}", actions(1), "me")));

            assertThat(outcomes).allSatisfy(o -> assertThat(o.orThrow().created()).isTrue());
            assertThat(outcomes.get(0).orThrow().actions()).hasSize(2);
            assertThat(outcomes.get(1).orThrow().actions()).isEmpty();
            assertThat(store.alertPayload("n2")).contains("{\"n\":2}");
            assertThat(store.list(null, "n1", 10)).hasSize(2).allSatisfy(a -> assertThat(a.owner()).isEqualTo("me"));
            assertThat(store.list(null, "n3", 10)).hasSize(1);
        }
    }

    /** Intake's group commit: savepoints keep a repeat or a failing alert from undoing the rest of the batch. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void one_batch_commits_its_good_alerts_past_a_repeat_and_a_failure(String kind) {
        try (TestDatabases.Fresh db = TestDatabases.fresh(kind); Database database = open(db)) {
            ActionStore store = new ActionStore(database.dataSource(), clock::get);
            List<NewAction> firstActions = actions(2);
            List<ActionStore.AcceptOutcome> outcomes = store.acceptAlerts(List.of(
                    new ActionStore.AlertToStore("b1", "api", "{}", firstActions, "me"),
                    new ActionStore.AlertToStore("b1", "api", "{}", actions(1), "me"),
                    new ActionStore.AlertToStore("b2", "api", "{}", List.of(firstActions.get(0)), "me"),
                    new ActionStore.AlertToStore("b3", "api", "{}", actions(3), "me")));

            assertThat(outcomes.get(0).orThrow().created()).isTrue();
            assertThat(outcomes.get(1).orThrow().created()).isFalse();
            assertThat(outcomes.get(1).orThrow().actions()).extracting(ActionStore.ActionSummary::id)
                    .containsExactlyInAnyOrderElementsOf(firstActions.stream().map(NewAction::id).toList());
            assertThat(outcomes.get(2).failure()).hasMessageContaining("b2");
            assertThat(outcomes.get(3).orThrow().created()).isTrue();
            assertThat(store.list(null, "b1", 10)).hasSize(2);
            assertThat(store.alertPayload("b2")).isEmpty();
            assertThat(store.list(null, "b3", 10)).hasSize(3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void concurrent_instances_never_take_the_same_action(String kind) throws Exception {
        try (TestDatabases.Fresh db = TestDatabases.fresh(kind); Database database = open(db)) {
            ActionStore store = new ActionStore(database.dataSource(), clock::get);
            for (int i = 0; i < 20; i++) {
                store.acceptAlert("alert-" + i, "bk-monitor", "{}", actions(10));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<List<String>>> takers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String owner = "instance-" + t;
                Callable<List<String>> take = () -> {
                    List<String> mine = new ArrayList<>();
                    for (int round = 0; round < 20; round++) {
                        mine.addAll(store.takeOver(owner, clock.get() - LEASE_MS, 7));
                    }
                    return mine;
                };
                takers.add(pool.submit(take));
            }
            Set<String> all = new HashSet<>();
            int total = 0;
            for (Future<List<String>> f : takers) {
                List<String> mine = f.get();
                total += mine.size();
                all.addAll(mine);
            }
            pool.shutdown();
            // Rows locked by a competing taker are skipped, not waited for: what the race left over is
            // taken by one more instance afterwards, and still none twice.
            List<String> rest = store.takeOver("instance-late", clock.get() - LEASE_MS, 1000);
            total += rest.size();
            all.addAll(rest);

            assertThat(total).as("no action taken twice").isEqualTo(all.size());
            assertThat(all).hasSize(200);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void an_expired_lease_lets_another_instance_take_over_and_fences_the_old_owner(String kind) {
        try (TestDatabases.Fresh db = TestDatabases.fresh(kind); Database database = open(db)) {
            ActionStore store = new ActionStore(database.dataSource(), clock::get);
            InstanceStore instances = new InstanceStore(database.dataSource(), clock::get);
            instances.register("a", "host-a");
            instances.register("b", "host-b");
            String id = store.acceptAlert("a1", "bk-monitor", "{}", actions(1)).actions().get(0).id();
            assertThat(store.takeOver("a", clock.get() - LEASE_MS, 10)).containsExactly(id);
            assertThat(store.takeOver("b", clock.get() - LEASE_MS, 10)).as("lease still valid").isEmpty();

            clock.addAndGet(LEASE_MS - 1_000);
            assertThat(instances.heartbeat("a")).as("a's heartbeat renews the lease on its actions").isTrue();
            clock.addAndGet(LEASE_MS - 1_000);
            assertThat(store.takeOver("b", clock.get() - LEASE_MS, 10)).as("renewed").isEmpty();
            clock.addAndGet(2_001);
            assertThat(store.takeOver("b", clock.get() - LEASE_MS, 10)).containsExactly(id);

            assertThatThrownBy(() -> store.apply(id, "a", ActionUpdate.to(ActionStatus.FAILURE).finishedAt(clock.get())))
                    .isInstanceOf(LeaseLostException.class);
            store.apply(id, "b", ActionUpdate.to(ActionStatus.CREATED).nextRunAt(clock.get()));
            assertThat(store.find(id).orElseThrow().status()).isEqualTo(ActionStatus.CREATED);
            assertThat(store.dueOwned("b", 10, Set.of())).containsExactly(id);
            assertThat(store.dueOwned("b", 10, Set.of(id))).isEmpty();

            instances.stopped("b");
            assertThat(store.takeOver("c", clock.get() - LEASE_MS, 10)).as("a stopped owner's actions go at once")
                    .containsExactly(id);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void host_results_logs_and_dead_letters_round_trip(String kind) {
        try (TestDatabases.Fresh db = TestDatabases.fresh(kind); Database database = open(db)) {
            ActionStore store = new ActionStore(database.dataSource(), clock::get);
            DeadLetterStore letters = new DeadLetterStore(database.dataSource(), clock::get);
            String id = store.acceptAlert("a1", "bk-monitor", "{}", actions(1)).actions().get(0).id();
            store.takeOver("me", clock.get() - LEASE_MS, 1);
            String log = "清理临时文件 ok\n".repeat(4000);
            HostResult host = new HostResult(90001L, "clean", 1, "10.0.0.1", 0L, 30001L, 9, 0, 0, log, false);
            store.saveHostResults(id, 0, List.of(host));
            store.saveHostResults(id, 0, List.of(host));
            assertThat(store.hostResults(id)).containsExactly(host);

            DeadLetter letter = letters.store("dl-1", id, "me", "start-job", "direct://call-job-api", "Job down", id);
            assertThat(letter.actionStatus()).isEqualTo("received");
            assertThat(store.find(id).orElseThrow().status()).isEqualTo(ActionStatus.FAILURE);
            assertThat(letters.markReplayed(letter, "me")).isTrue();
            assertThat(letters.markReplayed(letter, "me")).isFalse();
            assertThat(store.find(id).orElseThrow().status()).isEqualTo(ActionStatus.RECEIVED);
            assertThat(letters.list(DeadLetter.REPLAYED, 10)).extracting(DeadLetter::id).containsExactly("dl-1");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void retention_deletes_only_what_is_old_and_finished(String kind) {
        try (TestDatabases.Fresh db = TestDatabases.fresh(kind); Database database = open(db)) {
            ActionStore store = new ActionStore(database.dataSource(), clock::get);
            String old = store.acceptAlert("old", "bk-monitor", "{}", actions(1)).actions().get(0).id();
            String running = store.acceptAlert("running", "bk-monitor", "{}", actions(1)).actions().get(0).id();
            store.takeOver("me", clock.get() - LEASE_MS, 10);
            store.saveHostResults(old, 0, List.of(new HostResult(1L, "s", 1, "10.0.0.1", 0L, 1L, 9, 0, 0, "x", false)));
            store.apply(old, "me", ActionUpdate.to(ActionStatus.SUCCESS).finishedAt(clock.get()));
            clock.addAndGet(31L * 24 * 3600 * 1000);
            String recent = store.acceptAlert("recent", "bk-monitor", "{}", actions(1)).actions().get(0).id();

            int deleted = new Retention(database.dataSource(), clock::get, 30, 1).purge();

            assertThat(deleted).isEqualTo(2);
            assertThat(store.find(old)).isEmpty();
            assertThat(store.alertPayload("old")).isEmpty();
            assertThat(store.find(running)).isPresent();
            assertThat(store.find(recent)).isPresent();
        }
    }

    private static Database open(TestDatabases.Fresh db) {
        return new Database(db.url(), db.username(), db.password(), 8);
    }
}
