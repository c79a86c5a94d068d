package io.alertjobbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Job's side of the v3 API, in memory: launches plans, answers status, logs, operations, plan and instance
 * lists. Camel-free and thread-safe: instances sit in a concurrent map, each guards only its own start and
 * terminate, and state is computed from the injected clock on every read, so tests drive time and thousands
 * of concurrent jobs need no timers. Front doors (auth, envelopes, faults) are {@link SimulatorFrontDoor}'s job.
 */
public final class JobSimulator {

    private static final long FIRST_INSTANCE_ID = 20001;
    private static final long FIRST_STEP_INSTANCE_ID = 90001;

    private final Map<Long, SimulatedPlan> plans;
    private final long stopDelayMs;
    private final int maxInstances;
    private final LongSupplier clock;
    private final HostRegistry hosts = new HostRegistry();
    private final Map<Long, SimulatedInstance> instances = new ConcurrentHashMap<>();
    private final Queue<Long> creationOrder = new ConcurrentLinkedQueue<>();
    private final AtomicInteger instanceCount = new AtomicInteger();
    private final Set<Long> quotaTripped = ConcurrentHashMap.newKeySet();
    // Ids keep growing across resets, so a client's store never sees an id reused.
    private final AtomicLong nextInstanceId = new AtomicLong(FIRST_INSTANCE_ID);
    private final AtomicLong nextStepInstanceId = new AtomicLong(FIRST_STEP_INSTANCE_ID);

    /** @param clock epoch milliseconds; {@code System::currentTimeMillis} outside tests */
    JobSimulator(SimulatorSettings settings, LongSupplier clock) {
        this.plans = settings.plans();
        this.stopDelayMs = settings.stopDelayMs();
        this.maxInstances = settings.maxInstances();
        this.clock = clock;
    }

    /** Runs one API call as Job would; business errors come back as a result, never thrown. */
    JobResult call(JobApi api, JobRequest request, String operator) {
        try {
            return switch (api) {
                case EXECUTE_JOB_PLAN -> executeJobPlan(request, operator);
                case GET_JOB_INSTANCE_STATUS -> JobResult.ok(status(request));
                case BATCH_GET_JOB_INSTANCE_IP_LOG -> JobResult.ok(batchLogs(request));
                case GET_JOB_INSTANCE_IP_LOG -> JobResult.ok(hostLog(request));
                case OPERATE_JOB_INSTANCE -> JobResult.ok(operate(request));
                case GET_JOB_PLAN_DETAIL -> JobResult.ok(planDetail(request));
                case GET_JOB_PLAN_LIST -> JobResult.ok(PlanJson.list(plans.values(),
                        SimulatorRequestValidator.scope(request), request));
                case GET_JOB_INSTANCE_LIST -> JobResult.ok(InstanceListQuery.parse(request).page(instances.values(), clock.getAsLong()));
            };
        } catch (JobApiException e) {
            return JobResult.error(e);
        }
    }

    /** Forgets all instances and the quota behaviour's memory; plans, host ids and id counters stay. */
    public void reset() {
        instances.clear();
        creationOrder.clear();
        instanceCount.set(0);
        quotaTripped.clear();
    }

    public int instanceCount() {
        return instances.size();
    }

    SimulatedPlan plan(long planId) {
        return plans.get(planId);
    }

    private JobResult executeJobPlan(JobRequest request, String operator) {
        LaunchRequest launch = SimulatorRequestValidator.launch(request);
        SimulatedPlan plan = plans.get(launch.planId());
        if (plan == null) {
            throw new JobApiException(JobApiException.EXECUTE_PLAN_NOT_EXIST, "Job plan does not exist");
        }
        if (plan.behavior() == PlanBehavior.PERMISSION_DENIED) {
            throw new JobApiException(JobApiException.PERMISSION_DENIED, "User (" + operator
                    + ") permission not allowed, please confirm and apply permission in IAM and try again",
                    PermissionPayload.launchJobPlan(launch.scope(), plan));
        }
        if (plan.behavior() == PlanBehavior.QUOTA_EXCEEDED_THEN_SUCCEED && quotaTripped.add(plan.id())) {
            throw new JobApiException(JobApiException.SCOPE_QUOTA_EXCEEDED,
                    "The total number of jobs currently executed exceeds the resource scope quota limit");
        }
        LaunchVariables variables = LaunchVariables.resolve(plan, launch.variables(), hosts);
        long now = clock.getAsLong();
        List<Long> stepIds = new ArrayList<>();
        plan.steps().forEach(s -> stepIds.add(nextStepInstanceId.getAndIncrement()));
        SimulatedInstance instance = new SimulatedInstance(nextInstanceId.getAndIncrement(), plan, launch.scope(),
                operator, now, stepIds, variables, stopDelayMs);
        if (launch.startTask()) {
            instance.start(now);
        }
        remember(instance);
        ObjectNode data = SimulatorJson.object();
        data.put("job_instance_id", instance.id());
        data.put("job_instance_name", plan.name());
        return plan.behavior() == PlanBehavior.LOSE_ANSWER ? JobResult.lost(data) : JobResult.ok(data);
    }

    private JsonNode status(JobRequest request) {
        Scope scope = SimulatorRequestValidator.scope(request);
        long id = SimulatorRequestValidator.statusInstanceId(request);
        Boolean returnIpResult = request.optionalBoolean("return_ip_result");
        SimulatedInstance instance = instance(scope, id);
        return StatusJson.render(instance, instance.view(clock.getAsLong()), Boolean.TRUE.equals(returnIpResult));
    }

    private JsonNode batchLogs(JobRequest request) {
        LogRequest logs = SimulatorRequestValidator.logs(request);
        SimulatedInstance instance = instance(logs.scope(), logs.jobInstanceId());
        InstanceView.StepView step = step(instance, logs.stepInstanceId());
        List<SimulatedHost> requested = new ArrayList<>();
        logs.hostIds().forEach(id -> requested.add(hosts.byId(id)));
        logs.ips().forEach(ip -> requested.add(hosts.byAddress(ip)));
        return InstanceLogs.batch(instance, step, requested);
    }

    /** get_job_instance_ip_log: one host by {@code bk_host_id} (or the doc's {@code host_id}), else cloud + ip. */
    private JsonNode hostLog(JobRequest request) {
        Scope scope = SimulatorRequestValidator.scope(request);
        Long jobInstanceId = request.optionalLong("job_instance_id");
        Long stepInstanceId = request.optionalLong("step_instance_id");
        if (jobInstanceId == null || jobInstanceId < 1 || stepInstanceId == null || stepInstanceId < 1) {
            throw JobApiException.badRequest("job_instance_id and step_instance_id must be >= 1");
        }
        Long hostId = request.has("bk_host_id") ? request.optionalLong("bk_host_id") : request.optionalLong("host_id");
        Long cloudId = request.optionalLong("bk_cloud_id");
        String ip = request.optionalString("ip");
        SimulatedHost host;
        if (hostId != null) {
            host = hosts.byId(hostId);
        } else if (cloudId != null && ip != null && SimulatorRequestValidator.isValidIp(ip)) {
            host = hosts.byAddress(new HostAddress(cloudId, ip.trim()));
        } else {
            throw JobApiException.missingOrInvalidParam("host_id/(bk_cloud_id+ip)");
        }
        SimulatedInstance instance = instance(scope, jobInstanceId);
        String content = InstanceLogs.content(instance, step(instance, stepInstanceId), host);
        ObjectNode data = SimulatorJson.object();
        data.put("log_type", 1);
        data.put("bk_host_id", host.hostId());
        data.put("bk_cloud_id", cloudId);
        data.put("ip", ip);
        if (content != null) {
            data.put("log_content", content);
        }
        return data;
    }

    private JsonNode operate(JobRequest request) {
        Scope scope = SimulatorRequestValidator.scope(request);
        Long id = request.optionalLong("job_instance_id");
        Integer code = request.optionalInt("operation_code");
        if (id == null || id <= 0 || code == null || (code != 1 && code != 2)) {
            throw JobApiException.illegalParams();
        }
        SimulatedInstance instance = instance(scope, id);
        if (code == 1) {
            instance.terminate(clock.getAsLong());
        } else {
            instance.start(clock.getAsLong());
        }
        ObjectNode data = SimulatorJson.object();
        data.put("job_instance_id", id);
        return data;
    }

    private JsonNode planDetail(JobRequest request) {
        Scope scope = SimulatorRequestValidator.scope(request);
        Long planId = request.optionalLong("job_plan_id");
        if (planId == null || planId <= 0) {
            throw JobApiException.missingOrInvalidParam("job_plan_id");
        }
        SimulatedPlan plan = plans.get(planId);
        if (plan == null) {
            throw new JobApiException(JobApiException.PLAN_NOT_EXIST, "Job plan does not exist");
        }
        return PlanJson.detail(plan, scope, hosts);
    }

    /** An instance of another scope does not exist for the caller. */
    private SimulatedInstance instance(Scope scope, long id) {
        SimulatedInstance instance = instances.get(id);
        if (instance == null || !instance.scope().equals(scope)) {
            throw JobApiException.instanceNotFound();
        }
        return instance;
    }

    private InstanceView.StepView step(SimulatedInstance instance, long stepInstanceId) {
        return instance.view(clock.getAsLong()).steps().stream()
                .filter(s -> s.stepInstanceId() == stepInstanceId)
                .findFirst()
                .orElseThrow(JobApiException::instanceNotFound);
    }

    /** Bounded memory for long benchmarks: beyond the cap the oldest instances are forgotten. */
    private void remember(SimulatedInstance instance) {
        instances.put(instance.id(), instance);
        creationOrder.add(instance.id());
        if (instanceCount.incrementAndGet() > maxInstances) {
            Long oldest = creationOrder.poll();
            if (oldest != null) {
                instances.remove(oldest);
                instanceCount.decrementAndGet();
            }
        }
    }
}
