package io.alertjobbridge.simulator;

import java.util.List;

/**
 * One job instance: what was launched (fixed at creation) plus the two moments that change it, start and
 * terminate. Reads take no lock: both moments are volatile and the state is computed from them
 * ({@link InstanceTimeline}); start and terminate lock only this instance, so the check and the change are
 * atomic against concurrent calls without blocking other jobs.
 */
final class SimulatedInstance {

    private final long id;
    private final SimulatedPlan plan;
    private final Scope scope;
    private final String operator;
    private final long createTime;
    private final List<SimulatedHost> targets;
    private final LaunchVariables variables;
    private final InstanceTimeline timeline;
    private volatile long startTime = InstanceTimeline.NOT_YET;
    private volatile long terminateTime = InstanceTimeline.NOT_YET;

    SimulatedInstance(long id, SimulatedPlan plan, Scope scope, String operator, long createTime, List<Long> stepIds,
                      LaunchVariables variables, long stopDelayMs) {
        this.id = id;
        this.plan = plan;
        this.scope = scope;
        this.operator = operator;
        this.createTime = createTime;
        this.targets = variables.targets();
        this.variables = variables;
        this.timeline = new InstanceTimeline(plan, List.copyOf(stepIds), targets, stopDelayMs);
    }

    long id() {
        return id;
    }

    SimulatedPlan plan() {
        return plan;
    }

    Scope scope() {
        return scope;
    }

    String operator() {
        return operator;
    }

    long createTime() {
        return createTime;
    }

    List<SimulatedHost> targets() {
        return targets;
    }

    LaunchVariables variables() {
        return variables;
    }

    InstanceView view(long now) {
        long terminate = terminateTime;
        long start = startTime;
        return timeline.at(now, start, terminate);
    }

    /** operate_job_instance 2: only a job created with start_task=false and not yet started (status 1). */
    synchronized void start(long now) {
        if (startTime != InstanceTimeline.NOT_YET) {
            throw new JobApiException(JobApiException.REPEAT_START,
                    "Unsupported operation, do not repeat start the job, job_instance_id=" + id);
        }
        startTime = now;
    }

    /** operate_job_instance 1: only while running (2) or waiting for a user (7). */
    synchronized void terminate(long now) {
        int status = view(now).status();
        if (status != RunStatus.RUNNING && status != RunStatus.WAITING_USER) {
            throw new JobApiException(JobApiException.UNSUPPORTED_OPERATION, "Unsupported operation");
        }
        terminateTime = Math.max(now, startTime);
    }
}
