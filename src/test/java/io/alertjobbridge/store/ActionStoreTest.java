package io.alertjobbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActionStoreTest {

    private final StoreTestDatabase db = new StoreTestDatabase();
    private final ActionStore store = db.actions;

    @AfterEach
    void close() {
        db.close();
    }

    private static NewAction action(String id, String name) {
        return new NewAction(id, name, 1000043, 2, 600);
    }

    /** Stores alert {@code alertId} with one action per id, named after the id. */
    private void accept(String alertId, String... actionIds) {
        List<NewAction> list = new ArrayList<>();
        for (String id : actionIds) {
            list.add(action(id, "act-" + id));
        }
        assertThat(store.acceptAlert(alertId, "api", "{\"id\":\"" + alertId + "\"}", list).created()).isTrue();
    }

    private ActionRecord find(String id) {
        return store.find(id).orElseThrow();
    }

    /** Ends an action (next_run_at NULL) through its owner. */
    private void finish(String id, String owner) {
        store.apply(id, owner, ActionUpdate.to(ActionStatus.SUCCESS).finishedAt(db.now()));
    }

    // ---- accepting alerts --------------------------------------------------------------------------

    @Test
    void new_alert_is_stored_with_its_actions_due_at_once() {
        ActionStore.AcceptedAlert accepted = store.acceptAlert("17480001200000117", "bk-monitor", "{\"id\":\"17480001200000117\"}",
                List.of(action("a-1", "disk-cleanup"), action("a-2", "restart-service")));

        assertThat(accepted.created()).isTrue();
        assertThat(accepted.actions()).containsExactly(
                new ActionStore.ActionSummary("a-1", "disk-cleanup", ActionStatus.RECEIVED),
                new ActionStore.ActionSummary("a-2", "restart-service", ActionStatus.RECEIVED));
        assertThat(store.alertPayload("17480001200000117")).contains("{\"id\":\"17480001200000117\"}");
        ActionRecord a = find("a-1");
        assertThat(a.alertId()).isEqualTo("17480001200000117");
        assertThat(a.actionName()).isEqualTo("disk-cleanup");
        assertThat(a.planId()).isEqualTo(1000043L);
        assertThat(a.bkBizId()).isEqualTo(2L);
        assertThat(a.timeoutSeconds()).isEqualTo(600);
        assertThat(a.status()).isEqualTo(ActionStatus.RECEIVED);
        assertThat(a.attempts()).isZero();
        assertThat(a.nextRunAt()).isEqualTo(db.now());
        assertThat(a.createdAt()).isEqualTo(db.now());
        assertThat(a.owner()).isNull();
        assertThat(a.leaseUntil()).isNull();
        assertThat(a.finishedAt()).isNull();
    }

    @Test
    void duplicate_alert_stores_nothing_new_and_returns_the_first_actions() {
        accept("al-1", "a-1", "a-2");
        db.advance(1000);

        ActionStore.AcceptedAlert again = store.acceptAlert("al-1", "api", "{\"changed\":true}",
                List.of(action("b-1", "other"), action("b-2", "other"), action("b-3", "other")));

        assertThat(again.created()).isFalse();
        assertThat(again.actions()).extracting(ActionStore.ActionSummary::id).containsExactly("a-1", "a-2");
        assertThat(store.alertPayload("al-1")).contains("{\"id\":\"al-1\"}");
        assertThat(store.list(null, "al-1", 100)).hasSize(2);
        assertThat(store.find("b-1")).isEmpty();
    }

    @Test
    void duplicate_alert_reports_the_current_status_of_its_actions() {
        accept("al-1", "a-1");
        store.takeOver("me", db.liveSince(), 10);
        store.apply("a-1", "me", ActionUpdate.to(ActionStatus.RUNNING));

        assertThat(store.acceptAlert("al-1", "api", "{}", List.of()).actions())
                .containsExactly(new ActionStore.ActionSummary("a-1", "act-a-1", ActionStatus.RUNNING));
    }

    @Test
    void alert_matching_no_action_is_still_stored_once() {
        assertThat(store.acceptAlert("al-1", "api", "{}", List.of()).created()).isTrue();

        ActionStore.AcceptedAlert again = store.acceptAlert("al-1", "api", "{}", List.of(action("a-1", "x")));

        assertThat(again.created()).isFalse();
        assertThat(again.actions()).isEmpty();
        assertThat(store.find("a-1")).isEmpty();
    }

    @Test
    void failed_accept_stores_neither_the_alert_nor_any_action() {
        accept("al-1", "taken-id");

        assertThatThrownBy(() -> store.acceptAlert("al-2", "api", "{}",
                List.of(action("fresh-id", "x"), action("taken-id", "x"))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("al-2");

        assertThat(store.alertPayload("al-2")).isEmpty();
        assertThat(store.find("fresh-id")).isEmpty();
        assertThat(find("taken-id").alertId()).isEqualTo("al-1");
    }

    @Test
    void concurrent_accepts_of_one_alert_store_exactly_one_set_of_actions() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 10; round++) {
                String alertId = "race-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ActionStore.AcceptedAlert>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    List<NewAction> mine = List.of(action(alertId + "-t" + t + "-a", "x"), action(alertId + "-t" + t + "-b", "y"));
                    Callable<ActionStore.AcceptedAlert> call = () -> {
                        start.await();
                        return store.acceptAlert(alertId, "api", "{}", mine);
                    };
                    results.add(pool.submit(call));
                }
                start.countDown();
                List<ActionStore.AcceptedAlert> answers = new ArrayList<>();
                for (Future<ActionStore.AcceptedAlert> f : results) {
                    answers.add(f.get(20, TimeUnit.SECONDS));
                }

                assertThat(answers).filteredOn(ActionStore.AcceptedAlert::created).as("round %d", round).hasSize(1);
                List<String> winnerIds = answers.stream().filter(ActionStore.AcceptedAlert::created).findFirst().orElseThrow()
                        .actions().stream().map(ActionStore.ActionSummary::id).toList();
                assertThat(answers).allSatisfy(a -> assertThat(a.actions()).extracting(ActionStore.ActionSummary::id)
                        .containsExactlyElementsOf(winnerIds));
                assertThat(store.list(null, alertId, 100)).extracting(ActionRecord::id)
                        .containsExactlyInAnyOrderElementsOf(winnerIds);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- taking over actions -----------------------------------------------------------------------

    @Test
    void take_over_returns_in_flight_actions_nobody_holds_and_records_the_owner() {
        db.instances.register("other", "host-a");
        accept("al-1", "held", "done");
        assertThat(store.takeOver("other", db.liveSince(), 10)).containsExactlyInAnyOrder("held", "done");
        finish("done", "other");
        db.advance(10);
        accept("al-2", "free-1", "free-2");

        List<String> taken = store.takeOver("me", db.liveSince(), 10);

        assertThat(taken).containsExactlyInAnyOrder("free-1", "free-2");
        for (String id : taken) {
            assertThat(find(id).owner()).isEqualTo("me");
        }
        assertThat(find("held").owner()).as("its owner is live").isEqualTo("other");
        assertThat(store.takeOver("third", db.liveSince(), 10)).as("nothing left to take").isEmpty();
        assertThat(store.countHeld("me")).isEqualTo(2);
        assertThat(store.countHeld("other")).as("finished actions are not held").isEqualTo(1);
    }

    @Test
    void finished_actions_are_never_taken_over() {
        accept("al-1", "a-1");
        store.takeOver("me", db.liveSince(), 10);
        finish("a-1", "me");
        db.advance(5000);

        assertThat(store.takeOver("other", db.liveSince(), 10)).isEmpty();
    }

    @Test
    void take_over_respects_the_limit_oldest_due_first() {
        accept("al-1", "a-1");
        db.advance(10);
        accept("al-2", "a-2");
        db.advance(10);
        accept("al-3", "a-3");

        assertThat(store.takeOver("me", db.liveSince(), 2)).containsExactly("a-1", "a-2");
        assertThat(store.takeOver("me", db.liveSince(), 0)).isEmpty();
    }

    @Test
    void concurrent_take_overs_never_hand_one_action_to_two_owners() throws Exception {
        int count = 200;
        List<NewAction> many = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            many.add(action(String.format("act-%03d", i), "x"));
        }
        store.acceptAlert("al-big", "api", "{}", many);
        int owners = 4;
        ExecutorService pool = Executors.newFixedThreadPool(owners);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> results = new ArrayList<>();
            for (int o = 0; o < owners; o++) {
                String owner = "owner-" + o;
                results.add(pool.submit(() -> {
                    start.await();
                    List<String> mine = new ArrayList<>();
                    List<String> batch;
                    do {
                        batch = store.takeOver(owner, db.liveSince(), 7);
                        mine.addAll(batch);
                    } while (!batch.isEmpty());
                    return mine;
                }));
            }
            start.countDown();
            List<String> all = new ArrayList<>();
            for (int o = 0; o < owners; o++) {
                List<String> mine = results.get(o).get(30, TimeUnit.SECONDS);
                for (String id : mine) {
                    assertThat(find(id).owner()).as(id).isEqualTo("owner-" + o);
                }
                all.addAll(mine);
            }

            assertThat(all).doesNotHaveDuplicates().hasSize(count);
            assertThat(new HashSet<>(all)).containsExactlyInAnyOrderElementsOf(many.stream().map(NewAction::id).toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_instance_whose_heartbeat_is_older_than_the_lease_loses_its_actions() {
        db.instances.register("first", "host-a");
        accept("al-1", "a-1");
        assertThat(store.takeOver("first", db.liveSince(), 10)).containsExactly("a-1");

        db.advance(StoreTestDatabase.LEASE_MS);
        assertThat(store.takeOver("second", db.liveSince(), 10)).as("lease still good at its last ms").isEmpty();
        db.advance(1);
        assertThat(store.takeOver("second", db.liveSince(), 10)).containsExactly("a-1");

        assertThat(find("a-1").owner()).isEqualTo("second");
        assertThatThrownBy(() -> store.apply("a-1", "first", ActionUpdate.to(ActionStatus.FAILURE)))
                .isInstanceOf(LeaseLostException.class)
                .hasMessageContaining("a-1").hasMessageContaining("first");
        assertThat(find("a-1").status()).isEqualTo(ActionStatus.RECEIVED);
    }

    @Test
    void one_heartbeat_keeps_every_action_of_the_instance() {
        db.instances.register("me", "host-a");
        accept("al-1", "a-1", "a-2", "a-3");
        store.takeOver("me", db.liveSince(), 10);
        db.advance(StoreTestDatabase.LEASE_MS - 100);

        assertThat(db.instances.heartbeat("me")).isTrue();
        db.advance(1000);

        assertThat(store.takeOver("other", db.liveSince(), 10)).isEmpty();
        assertThat(store.countHeld("me")).isEqualTo(3);
        assertThat(db.instances.heartbeat("nobody")).as("an unknown instance is told so").isFalse();
    }

    @Test
    void a_stopped_instance_loses_its_actions_at_once() {
        db.instances.register("me", "host-a");
        accept("al-1", "a-1");
        store.takeOver("me", db.liveSince(), 10);

        db.instances.stopped("me");

        assertThat(store.takeOver("other", db.liveSince(), 10)).containsExactly("a-1");
    }

    @Test
    void the_actions_of_a_dead_instance_are_taken_before_new_ones() {
        db.instances.register("dead", "host-a");
        accept("al-1", "old-1");
        store.takeOver("dead", db.liveSince(), 10);
        db.advance(StoreTestDatabase.LEASE_MS + 1);
        accept("al-2", "new-1");

        assertThat(store.takeOver("me", db.liveSince(), 1)).containsExactly("old-1");
        assertThat(store.takeOver("me", db.liveSince(), 1)).containsExactly("new-1");
    }

    @Test
    void actions_accepted_with_an_owner_are_its_own_from_the_start() {
        db.instances.register("acceptor", "host-a");
        assertThat(store.acceptAlert("al-1", "api", "{}", List.of(action("a-1", "x"), action("a-2", "y")), "acceptor")
                .created()).isTrue();

        assertThat(find("a-1").owner()).isEqualTo("acceptor");
        assertThat(store.takeOver("other", db.liveSince(), 10)).as("a live owner keeps them").isEmpty();
        assertThat(store.dueOwned("acceptor", 10, Set.of())).containsExactlyInAnyOrder("a-1", "a-2");
    }

    // ---- applying steps ----------------------------------------------------------------------------

    @Test
    void owner_applies_a_step_and_keeps_the_action() {
        accept("al-1", "a-1");
        store.takeOver("me", db.liveSince(), 10);
        db.advance(250);

        store.apply("a-1", "me", ActionUpdate.to(ActionStatus.RUNNING).jobInstance(20031, "https://job/api_execute/20031")
                .jobStatus(2).attempts(1).nextRunAt(db.now() + 2000).startedAt(db.now(), db.now() + 600_000)
                .orphanCheck(true).evidence("{\"candidates\":[]}"));

        ActionRecord a = find("a-1");
        assertThat(a.status()).isEqualTo(ActionStatus.RUNNING);
        assertThat(a.jobInstanceId()).isEqualTo(20031L);
        assertThat(a.jobUrl()).isEqualTo("https://job/api_execute/20031");
        assertThat(a.jobStatus()).isEqualTo(2);
        assertThat(a.attempts()).isEqualTo(1);
        assertThat(a.nextRunAt()).isEqualTo(db.now() + 2000);
        assertThat(a.startedAt()).isEqualTo(db.now());
        assertThat(a.deadlineAt()).isEqualTo(db.now() + 600_000);
        assertThat(a.orphanCheck()).isTrue();
        assertThat(a.evidence()).isEqualTo("{\"candidates\":[]}");
        assertThat(a.updatedAt()).isEqualTo(db.now());
        assertThat(a.owner()).isEqualTo("me");
    }

    @Test
    void final_step_clears_next_run_at_and_nulls_are_written() {
        accept("al-1", "a-1");
        store.takeOver("me", db.liveSince(), 10);
        store.apply("a-1", "me", ActionUpdate.progress().reason("first try").jobStatus(4));

        store.apply("a-1", "me", ActionUpdate.to(ActionStatus.FAILURE).reason(null).jobStatus(null).finishedAt(db.now()));

        ActionRecord a = find("a-1");
        assertThat(a.status()).isEqualTo(ActionStatus.FAILURE);
        assertThat(a.reason()).isNull();
        assertThat(a.jobStatus()).isNull();
        assertThat(a.nextRunAt()).isNull();
        assertThat(a.finishedAt()).isEqualTo(db.now());
    }

    @Test
    void step_by_an_instance_that_does_not_hold_the_action_changes_nothing() {
        accept("al-1", "a-1");
        store.takeOver("me", db.liveSince(), 10);

        assertThatThrownBy(() -> store.apply("a-1", "intruder", ActionUpdate.to(ActionStatus.SUCCESS)))
                .isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> store.apply("no-such-action", "me", ActionUpdate.to(ActionStatus.SUCCESS)))
                .isInstanceOf(LeaseLostException.class);
        assertThat(find("a-1").status()).isEqualTo(ActionStatus.RECEIVED);
    }

    @Test
    void due_owned_lists_only_the_owners_due_actions_oldest_first_leaving_out_those_in_hand() {
        accept("al-1", "a-1", "a-2", "a-3", "a-4");
        store.takeOver("me", db.liveSince(), 3);   // a-1..a-3 (equal next_run_at; the order among them is free)
        store.takeOver("other", db.liveSince(), 10);
        List<String> mine = store.list(null, "al-1", 10).stream().filter(a -> "me".equals(a.owner()))
                .map(ActionRecord::id).sorted().toList();
        String later = mine.get(0);
        String soon = mine.get(1);
        String inHand = mine.get(2);
        store.apply(later, "me", ActionUpdate.progress().nextRunAt(db.now() + 5000));
        store.apply(soon, "me", ActionUpdate.progress().nextRunAt(db.now() - 10));

        assertThat(store.dueOwned("me", 10, Set.of(inHand))).containsExactly(soon);
        assertThat(store.dueOwned("me", 10, Set.of())).containsExactly(soon, inHand);
        assertThat(store.dueOwned("me", 1, Set.of())).containsExactly(soon);
        assertThat(store.dueOwned("me", 0, Set.of())).isEmpty();
        db.advance(5000);
        assertThat(store.dueOwned("me", 10, Set.of(inHand))).containsExactly(soon, later);
    }

    @Test
    void in_flight_counts_are_grouped_by_owner() {
        accept("al-1", "a-1", "a-2", "a-3", "a-4", "a-5");
        store.takeOver("me", db.liveSince(), 2);
        store.takeOver("other", db.liveSince(), 2);
        String someOfOther = store.list(null, "al-1", 10).stream().filter(a -> "other".equals(a.owner()))
                .findFirst().orElseThrow().id();
        finish(someOfOther, "other");

        Map<String, Integer> counts = store.inFlightByOwner();

        assertThat(counts).containsEntry("me", 2).containsEntry("other", 1).containsEntry(null, 1).hasSize(3);
    }

    @Test
    void known_job_instances_are_those_an_action_of_the_plan_records() {
        accept("al-1", "a-1", "a-2");
        store.takeOver("me", db.liveSince(), 10);
        store.apply("a-1", "me", ActionUpdate.progress().jobInstance(20007, "u"));
        store.apply("a-2", "me", ActionUpdate.progress().jobInstance(20011, "u"));

        assertThat(store.knownJobInstances(1000043, List.of(20007L, 20011L, 20099L))).containsExactlyInAnyOrder(20007L, 20011L);
        assertThat(store.knownJobInstances(555, List.of(20007L))).as("another plan").isEmpty();
        assertThat(store.knownJobInstances(1000043, List.of())).isEmpty();
    }

    // ---- host results ------------------------------------------------------------------------------

    private static HostResult host(String ip, String log) {
        return new HostResult(90011, "stop service", 1, ip, 0L, 30001L, 9, 0, 0, log, false);
    }

    @Test
    void saving_the_same_batch_twice_replaces_its_rows() {
        accept("al-1", "a-1");
        store.saveHostResults("a-1", 0, List.of(host("10.0.0.1", "first"), host("10.0.0.2", "first")));

        store.saveHostResults("a-1", 0, List.of(host("10.0.0.1", "second"), host("10.0.0.2", "second")));

        assertThat(store.hostResults("a-1")).containsExactly(host("10.0.0.1", "second"), host("10.0.0.2", "second"));
    }

    @Test
    void batches_of_other_steps_are_kept_in_sequence_order() {
        accept("al-1", "a-1");
        store.saveHostResults("a-1", 100_000, List.of(host("10.0.1.1", "step 2")));
        store.saveHostResults("a-1", 0, List.of(host("10.0.0.1", "step 1")));
        store.saveHostResults("a-1", 100_000, List.of(host("10.0.1.1", "step 2 again")));

        assertThat(store.hostResults("a-1")).extracting(HostResult::logContent).containsExactly("step 1", "step 2 again");
        assertThat(store.hostResults("other")).isEmpty();
    }

    @Test
    void host_results_keep_nulls_and_the_truncated_flag() {
        accept("al-1", "a-1");
        HostResult bare = new HostResult(90013, null, null, "", null, null, null, null, null, null, true);

        store.saveHostResults("a-1", 0, List.of(bare));

        assertThat(store.hostResults("a-1")).containsExactly(bare);
    }

    // ---- listing -----------------------------------------------------------------------------------

    @Test
    void list_is_newest_first_and_filters_by_status_and_alert() {
        accept("al-old", "00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000002");
        db.advance(1000);
        accept("al-new", "00000000-0000-0000-0000-000000000003");
        store.takeOver("me", db.liveSince(), 10);
        finish("00000000-0000-0000-0000-000000000003", "me");

        assertThat(store.list(null, null, 10)).extracting(ActionRecord::id).containsExactly(
                "00000000-0000-0000-0000-000000000003", "00000000-0000-0000-0000-000000000002",
                "00000000-0000-0000-0000-000000000001");
        assertThat(store.list(ActionStatus.SUCCESS, null, 10)).extracting(ActionRecord::id)
                .containsExactly("00000000-0000-0000-0000-000000000003");
        assertThat(store.list(ActionStatus.RECEIVED, "al-old", 10)).hasSize(2);
        assertThat(store.list(ActionStatus.SUCCESS, "al-old", 10)).isEmpty();
        assertThat(store.list(null, null, 1)).extracting(ActionRecord::id)
                .containsExactly("00000000-0000-0000-0000-000000000003");
    }

    @Test
    void unknown_ids_read_as_empty() {
        assertThat(store.find("nope")).isEmpty();
        assertThat(store.alertPayload("nope")).isEmpty();
    }
}
