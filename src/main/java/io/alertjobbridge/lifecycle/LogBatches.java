package io.alertjobbridge.lifecycle;

import java.util.ArrayList;
import java.util.List;

import io.alertjobbridge.job.JobSnapshot;

/**
 * Splits a finished job's hosts into the batch_get_job_instance_ip_log calls that fetch their logs:
 * one batch per script step and at most {@value #MAX_HOSTS_PER_CALL} hosts, Job's own limit.
 * Each host also gets a stable sequence number (step position x 100000 + host position), so a batch
 * fetched twice (after a crash) overwrites its rows instead of adding new ones.
 */
final class LogBatches {

    static final int MAX_HOSTS_PER_CALL = 500;
    static final int SEQ_PER_STEP = 100_000;

    /** One log call: the step, the slice of its hosts, and the sequence number of the first host. */
    record Batch(JobSnapshot.Step step, List<JobSnapshot.Host> hosts, int firstSeq) {
    }

    private LogBatches() {
    }

    static List<Batch> plan(JobSnapshot snapshot) {
        List<Batch> batches = new ArrayList<>();
        List<JobSnapshot.Step> steps = snapshot.steps();
        for (int s = 0; s < steps.size(); s++) {
            JobSnapshot.Step step = steps.get(s);
            if (!step.hasScriptLogs() || step.hosts().isEmpty()) {
                continue;
            }
            for (int from = 0; from < step.hosts().size(); from += MAX_HOSTS_PER_CALL) {
                int to = Math.min(from + MAX_HOSTS_PER_CALL, step.hosts().size());
                batches.add(new Batch(step, step.hosts().subList(from, to), s * SEQ_PER_STEP + from));
            }
        }
        return batches;
    }
}
