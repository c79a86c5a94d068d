package io.alertjobbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.alertjobbridge.job.JobSnapshot;
import org.junit.jupiter.api.Test;

class LogBatchesTest {

    private static List<JobSnapshot.Host> hosts(int count, long firstId) {
        List<JobSnapshot.Host> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new JobSnapshot.Host(firstId + i, "10.0." + (i / 250) + "." + (i % 250), 0L, 9, 0, 0));
        }
        return out;
    }

    private static JobSnapshot.Step step(long id, int type, int hostCount) {
        return new JobSnapshot.Step(id, "step " + id, type, 3, hosts(hostCount, id * 10_000));
    }

    private static JobSnapshot snapshot(JobSnapshot.Step... steps) {
        return new JobSnapshot(true, 3, List.of(steps));
    }

    @Test
    void twelve_hundred_hosts_in_one_step_give_three_batches_of_at_most_500() {
        JobSnapshot.Step script = step(1, 1, 1200);
        JobSnapshot.Step sql = step(2, 4, 3);

        List<LogBatches.Batch> batches = LogBatches.plan(snapshot(script, sql));

        assertThat(batches).extracting(b -> b.hosts().size()).containsExactly(500, 500, 200, 3);
        assertThat(batches).extracting(LogBatches.Batch::firstSeq).containsExactly(0, 500, 1000, 100_000);
        assertThat(batches).extracting(LogBatches.Batch::step).containsExactly(script, script, script, sql);
        assertThat(batches.get(1).hosts().get(0)).isEqualTo(script.hosts().get(500));
        assertThat(batches.get(2).hosts().get(199)).isEqualTo(script.hosts().get(1199));
    }

    @Test
    void only_script_and_sql_steps_are_fetched_but_every_step_keeps_its_seq_block() {
        List<LogBatches.Batch> batches = LogBatches.plan(snapshot(
                step(1, 2, 5),   // file step
                step(2, 3, 0),   // manual confirmation
                step(3, 1, 2),   // script
                step(4, 4, 1))); // SQL

        assertThat(batches).extracting(b -> b.step().stepInstanceId()).containsExactly(3L, 4L);
        assertThat(batches).extracting(LogBatches.Batch::firstSeq).containsExactly(200_000, 300_000);
    }

    @Test
    void script_step_without_hosts_gives_no_batch() {
        assertThat(LogBatches.plan(snapshot(step(1, 1, 0)))).isEmpty();
        assertThat(LogBatches.plan(snapshot())).isEmpty();
    }

    @Test
    void exactly_500_hosts_fit_one_batch_and_501_need_two() {
        assertThat(LogBatches.plan(snapshot(step(1, 1, 500)))).extracting(b -> b.hosts().size()).containsExactly(500);
        assertThat(LogBatches.plan(snapshot(step(1, 1, 501)))).extracting(b -> b.hosts().size()).containsExactly(500, 1);
    }

    @Test
    void planning_twice_gives_the_same_sequence_numbers() {
        JobSnapshot s = snapshot(step(1, 1, 700), step(2, 1, 10));

        assertThat(LogBatches.plan(s)).isEqualTo(LogBatches.plan(s));
    }
}
