package io.alertjobbridge.simulator;

import io.alertjobbridge.simulator.InstanceView.HostView;
import io.alertjobbridge.simulator.InstanceView.StepView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Computes an instance's state from its start and terminate times and the clock, so no timer runs per job and
 * ten thousand running jobs cost nothing between reads (reference 5.3 transitions):
 * the run is split evenly between the steps, which run one at a time; all target hosts of a step run together.
 * A failing step ends the job with its status and later steps stay 1. Terminate puts the job and the running
 * step into 10, and after the stop delay into 11; its hosts end as force-terminated; unstarted steps stay 1.
 */
final class InstanceTimeline {

    static final long NOT_YET = -1;

    private final SimulatedPlan plan;
    private final List<Long> stepIds;
    private final List<SimulatedHost> hosts;
    private final long stopDelayMs;

    InstanceTimeline(SimulatedPlan plan, List<Long> stepIds, List<SimulatedHost> hosts, long stopDelayMs) {
        this.plan = plan;
        this.stepIds = stepIds;
        this.hosts = hosts;
        this.stopDelayMs = stopDelayMs;
    }

    /** The run's end when nobody intervenes; Long.MAX_VALUE for a plan that never finishes. */
    long naturalEnd(long start) {
        if (plan.behavior() == PlanBehavior.NEVER_FINISH) {
            return Long.MAX_VALUE;
        }
        int stepsRun = plan.behavior() == PlanBehavior.FAIL_ONE_HOST ? 1 : stepIds.size();
        return start + stepsRun * stepMs();
    }

    InstanceView at(long now, long start, long terminate) {
        if (start == NOT_YET) {
            List<StepView> steps = new ArrayList<>();
            for (int i = 0; i < stepIds.size(); i++) {
                steps.add(blank(i));
            }
            return new InstanceView(RunStatus.BLANK, null, null, steps);
        }
        // Clocks read on different threads may be a millisecond apart; never show time running backwards.
        long at = Math.max(now, Math.max(start, terminate));
        int stoppedStep = terminate == NOT_YET ? -1 : stepRunningAt(terminate, start);
        List<StepView> steps = new ArrayList<>();
        for (int i = 0; i < stepIds.size(); i++) {
            steps.add(step(i, at, start, terminate, stoppedStep));
        }
        if (terminate != NOT_YET) {
            long stopped = terminate + stopDelayMs;
            return at < stopped
                    ? new InstanceView(RunStatus.STOPPING, start, null, steps)
                    : new InstanceView(RunStatus.STOP_SUCCESS, start, stopped, steps);
        }
        long end = naturalEnd(start);
        if (at < end) {
            return new InstanceView(RunStatus.RUNNING, start, null, steps);
        }
        int status = plan.behavior() == PlanBehavior.FAIL_ONE_HOST ? RunStatus.FAIL : RunStatus.SUCCESS;
        return new InstanceView(status, start, end, steps);
    }

    private long stepMs() {
        return Math.max(1, plan.durationMs() / stepIds.size());
    }

    private int stepRunningAt(long time, long start) {
        if (plan.behavior() == PlanBehavior.NEVER_FINISH) {
            return 0;
        }
        return (int) Math.min(stepIds.size() - 1, (time - start) / stepMs());
    }

    private StepView step(int i, long at, long start, long terminate, int stoppedStep) {
        long stepStart = start + i * stepMs();
        boolean onlyFirstRuns = plan.behavior() == PlanBehavior.NEVER_FINISH
                || plan.behavior() == PlanBehavior.FAIL_ONE_HOST;
        boolean neverReached = (onlyFirstRuns && i > 0) || (stoppedStep >= 0 && i > stoppedStep);
        if (neverReached || at < stepStart) {
            return blank(i);
        }
        if (i == stoppedStep) {
            return stopped(i, at, stepStart, terminate + stopDelayMs);
        }
        long stepEnd = plan.behavior() == PlanBehavior.NEVER_FINISH ? Long.MAX_VALUE : stepStart + stepMs();
        if (at < stepEnd) {
            return withHosts(i, RunStatus.RUNNING, stepStart, null, h -> running(h, stepStart));
        }
        boolean failing = plan.behavior() == PlanBehavior.FAIL_ONE_HOST;
        SimulatedHost failingHost = hosts.get(hosts.size() - 1);
        return withHosts(i, failing ? RunStatus.FAIL : RunStatus.SUCCESS, stepStart, stepEnd, h -> failing && h.equals(failingHost)
                ? new HostView(h, HostStatus.SCRIPT_EXIT_NON_ZERO, 1, HostStatus.GSE_DONE, stepStart, stepEnd)
                : new HostView(h, HostStatus.SUCCESS, 0, HostStatus.GSE_DONE, stepStart, stepEnd));
    }

    private StepView stopped(int i, long at, long stepStart, long stopped) {
        if (at < stopped) {
            return withHosts(i, RunStatus.STOPPING, stepStart, null, h -> running(h, stepStart));
        }
        return withHosts(i, RunStatus.STOP_SUCCESS, stepStart, stopped, h -> new HostView(h,
                HostStatus.FORCE_TERMINATED, 0, HostStatus.GSE_FORCE_TERMINATED, stepStart, stopped));
    }

    private static HostView running(SimulatedHost host, long stepStart) {
        return new HostView(host, HostStatus.RUNNING, 0, HostStatus.GSE_RUNNING, stepStart, null);
    }

    private StepView blank(int i) {
        return new StepView(stepIds.get(i), plan.steps().get(i), RunStatus.BLANK, null, null, List.of());
    }

    private StepView withHosts(int i, int status, long start, Long end, Function<SimulatedHost, HostView> result) {
        return new StepView(stepIds.get(i), plan.steps().get(i), status, start, end, hosts.stream().map(result).toList());
    }
}
