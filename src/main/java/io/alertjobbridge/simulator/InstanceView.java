package io.alertjobbridge.simulator;

import java.util.List;

/**
 * What a job instance looks like at one moment: job, steps and per-host results. Times are epoch ms; null
 * means "not yet", as Job sends nested nulls.
 */
record InstanceView(int status, Long startTime, Long endTime, List<StepView> steps) {

    boolean finished() {
        return RunStatus.isFinished(status);
    }

    static Long totalTime(Long start, Long end) {
        return start == null || end == null ? null : end - start;
    }

    /** A step; {@code hosts} is empty until the step starts. */
    record StepView(long stepInstanceId, String name, int status, Long startTime, Long endTime, List<HostView> hosts) {
    }

    /** One target host's result in a step. */
    record HostView(SimulatedHost host, int status, int exitCode, int errorCode, Long startTime, Long endTime) {
    }
}
