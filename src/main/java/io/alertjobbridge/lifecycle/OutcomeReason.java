package io.alertjobbridge.lifecycle;

import java.util.ArrayList;
import java.util.List;

import io.alertjobbridge.job.JobSnapshot;

/** Words for how a job ended: which hosts failed, in which step, with which exit codes. */
final class OutcomeReason {

    static final int MAX_HOSTS_NAMED = 20;

    private OutcomeReason() {
    }

    static String failure(JobSnapshot snapshot) {
        List<String> failed = new ArrayList<>();
        int total = 0;
        for (JobSnapshot.Step step : snapshot.steps()) {
            for (JobSnapshot.Host host : step.hosts()) {
                if (host.succeeded() || host.status() == null) {
                    continue;
                }
                total++;
                if (failed.size() < MAX_HOSTS_NAMED) {
                    failed.add(host.ip() + " (step '" + step.name() + "', host status " + host.status()
                            + ", exit code " + host.exitCode() + ")");
                }
            }
        }
        String head = "job ended with status " + snapshot.jobStatus() + " (" + jobStatusName(snapshot.jobStatus()) + ")";
        if (failed.isEmpty()) {
            return head;
        }
        return head + "; failed hosts: " + String.join(", ", failed)
                + (total > failed.size() ? " and " + (total - failed.size()) + " more" : "");
    }

    static String jobStatusName(Integer status) {
        if (status == null) {
            return "unknown";
        }
        return switch (status) {
            case 1 -> "not started";
            case 2 -> "running";
            case 3 -> "success";
            case 4 -> "failed";
            case 5 -> "skipped";
            case 6 -> "error ignored";
            case 7 -> "waiting for user";
            case 8 -> "terminated";
            case 9 -> "abnormal";
            case 10 -> "terminating";
            case 11 -> "force-terminated";
            case 13 -> "confirmation rejected";
            case 14 -> "abandoned";
            case 15 -> "rolling wait";
            default -> "status " + status;
        };
    }
}
