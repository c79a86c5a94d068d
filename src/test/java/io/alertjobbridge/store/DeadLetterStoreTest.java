package io.alertjobbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeadLetterStoreTest {

    private final StoreTestDatabase db = new StoreTestDatabase();
    private final ActionStore actions = db.actions;
    private final DeadLetterStore letters = db.deadLetters;

    @BeforeEach
    void runningAction() {
        actions.acceptAlert("al-1", "api", "{}", List.of(new NewAction("a-1", "disk-cleanup", 1000043, 2, 600)));
        db.instances.register("worker", "host-a");
        actions.takeOver("worker", db.liveSince(), 10);
        actions.apply("a-1", "worker", ActionUpdate.to(ActionStatus.RUNNING).attempts(3).nextRunAt(db.now() + 2000));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ActionRecord action() {
        return actions.find("a-1").orElseThrow();
    }

    @Test
    void letter_for_an_unfinished_action_ends_it_as_failure_naming_the_letter() {
        db.advance(500);

        DeadLetter letter = letters.store("dl-1", "a-1", "worker", "poll-job", "http://job/api", "HTTP 502 three times", "a-1");

        assertThat(letter.actionId()).isEqualTo("a-1");
        assertThat(letter.actionStatus()).isEqualTo("running");
        assertThat(letter.status()).isEqualTo(DeadLetter.STORED);
        assertThat(letter.createdAt()).isEqualTo(db.now());
        assertThat(letter.replayedAt()).isNull();
        assertThat(letters.find("dl-1")).contains(letter);
        ActionRecord a = action();
        assertThat(a.status()).isEqualTo(ActionStatus.FAILURE);
        assertThat(a.reason()).isEqualTo("dead letter dl-1: HTTP 502 three times");
        assertThat(a.nextRunAt()).isNull();
        assertThat(a.finishedAt()).isEqualTo(db.now());
    }

    @Test
    void letter_for_a_finished_action_records_its_status_and_leaves_it_alone() {
        actions.apply("a-1", "worker", ActionUpdate.to(ActionStatus.SUCCESS).reason("done").finishedAt(db.now()));
        ActionRecord before = action();
        db.advance(500);

        DeadLetter letter = letters.store("dl-1", "a-1", "worker", "fetch-logs", null, "late failure", "a-1");

        assertThat(letter.actionStatus()).isEqualTo("success");
        assertThat(action()).isEqualTo(before);
    }

    @Test
    void letter_from_an_instance_that_lost_the_lease_does_not_end_the_new_owners_action() {
        // "worker" stops heartbeating; its lease runs out and "successor" takes the action over.
        db.advance(60_001);
        assertThat(actions.takeOver("successor", db.liveSince(), 10)).containsExactly("a-1");
        actions.apply("a-1", "successor", ActionUpdate.progress().nextRunAt(db.now() + 2000));

        // The old worker's exchange for a-1 now fails past its retries (JobApiUnavailableException is not
        // retried) and reaches the dead-letter route, which calls store() for a-1.
        letters.store("dl-late", "a-1", "worker", "poll-job", "http://job/api", "JobApiUnavailableException: gone", "a-1");

        // The successor's step must still count: apply() refuses the old worker (LeaseLostException),
        // and the dead-letter path should not bypass that guard.
        ActionRecord a = action();
        assertThat(a.status()).isEqualTo(ActionStatus.RUNNING);
        assertThat(a.nextRunAt()).isNotNull();
        assertThat(a.owner()).isEqualTo("successor");
    }

    @Test
    void letter_for_an_unknown_action_keeps_no_action_reference() {
        DeadLetter letter = letters.store("dl-1", "no-such-action", "worker", "r", "e", "boom", "no-such-action");

        assertThat(letter.actionId()).isNull();
        assertThat(letter.actionStatus()).isNull();
        assertThat(letters.find("dl-1").orElseThrow().actionId()).isNull();
    }

    @Test
    void letter_without_an_action_is_stored_as_is() {
        DeadLetter letter = letters.store("dl-1", null, "worker", "intake", "platform-http:/alerts", "db down", "{\"id\":\"x\"}");

        assertThat(letters.find("dl-1")).contains(letter);
        assertThat(action().status()).isEqualTo(ActionStatus.RUNNING);
    }

    @Test
    void replay_reopens_the_action_in_its_old_state_held_by_the_replaying_instance() {
        DeadLetter letter = letters.store("dl-1", "a-1", "worker", "poll-job", "e", "boom", "a-1");
        db.advance(10_000);

        assertThat(letters.markReplayed(letter, "replayer")).isTrue();

        ActionRecord a = action();
        assertThat(a.status()).isEqualTo(ActionStatus.RUNNING);
        assertThat(a.reason()).isNull();
        assertThat(a.attempts()).isZero();
        assertThat(a.nextRunAt()).isEqualTo(db.now());
        assertThat(a.finishedAt()).isNull();
        assertThat(a.owner()).isEqualTo("replayer");
        DeadLetter stored = letters.find("dl-1").orElseThrow();
        assertThat(stored.status()).isEqualTo(DeadLetter.REPLAYED);
        assertThat(stored.replayedAt()).isEqualTo(db.now());
    }

    @Test
    void second_replay_of_a_letter_returns_false_and_changes_nothing() {
        DeadLetter letter = letters.store("dl-1", "a-1", "worker", "poll-job", "e", "boom", "a-1");
        letters.markReplayed(letter, "replayer");
        actions.apply("a-1", "replayer", ActionUpdate.to(ActionStatus.FAILURE).reason("failed again").finishedAt(db.now()));
        ActionRecord afterFirst = action();
        db.advance(1000);

        assertThat(letters.markReplayed(letter, "someone-else")).isFalse();

        assertThat(action()).isEqualTo(afterFirst);
        assertThat(letters.find("dl-1").orElseThrow().replayedAt()).isEqualTo(db.now() - 1000);
    }

    @Test
    void concurrent_replays_of_one_letter_succeed_once() throws Exception {
        DeadLetter letter = letters.store("dl-1", "a-1", "worker", "poll-job", "e", "boom", "a-1");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String owner = "r" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return letters.markReplayed(letter, owner);
                }));
            }
            start.countDown();
            int wins = 0;
            for (Future<Boolean> f : results) {
                wins += f.get(20, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void replaying_a_letter_of_a_finished_action_does_not_reopen_it() {
        actions.apply("a-1", "worker", ActionUpdate.to(ActionStatus.SUCCESS).finishedAt(db.now()));
        DeadLetter letter = letters.store("dl-1", "a-1", "worker", "fetch-logs", null, "late failure", "a-1");
        ActionRecord before = action();

        assertThat(letters.markReplayed(letter, "replayer")).isTrue();

        assertThat(action()).isEqualTo(before);
    }

    @Test
    void list_is_newest_first_and_filters_by_status() {
        DeadLetter first = letters.store("dl-a", null, "worker", "r", "e", "one", null);
        db.advance(10);
        letters.store("dl-b", null, "worker", "r", "e", "two", null);
        db.advance(10);
        letters.store("dl-c", null, "worker", "r", "e", "three", null);
        letters.markReplayed(first, "me");

        assertThat(letters.list(null, 10)).extracting(DeadLetter::id).containsExactly("dl-c", "dl-b", "dl-a");
        assertThat(letters.list(DeadLetter.STORED, 10)).extracting(DeadLetter::id).containsExactly("dl-c", "dl-b");
        assertThat(letters.list(DeadLetter.REPLAYED, 10)).extracting(DeadLetter::id).containsExactly("dl-a");
        assertThat(letters.list(null, 2)).extracting(DeadLetter::id).containsExactly("dl-c", "dl-b");
        assertThat(letters.find("nope")).isEmpty();
    }
}
