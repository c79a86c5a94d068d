package io.alertjobbridge.lifecycle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertjobbridge.action.ActionCatalog;
import io.alertjobbridge.action.ActionConfig;
import io.alertjobbridge.action.ActionVariables;
import io.alertjobbridge.action.Convergence;
import io.alertjobbridge.action.ConvergenceKeys;
import io.alertjobbridge.job.JobAnswer;
import io.alertjobbridge.job.JobCall;
import io.alertjobbridge.job.JobCalls;
import io.alertjobbridge.job.JobSnapshot;
import io.alertjobbridge.mapping.MappedVariables;
import io.alertjobbridge.mapping.MappingException;
import io.alertjobbridge.mapping.VariableMapper;
import io.alertjobbridge.store.ActionRecord;
import io.alertjobbridge.callback.ResultCallbacks;
import io.alertjobbridge.observe.BridgeMetrics;
import io.alertjobbridge.store.ActionStatus;
import io.alertjobbridge.store.ActionStore;
import io.alertjobbridge.store.ActionUpdate;
import io.alertjobbridge.store.HostResult;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The action state machine. Each method is one step of routes/lifecycle.camel.yaml: it reads the
 * action from the exchange variables, decides from the stored state and the Job answer, and commits
 * the result before the route goes on. Nothing here waits: a step that must happen later sets the
 * action's next_run_at, and the dispatcher brings it back when it is due.
 *
 * <p>Launch rules (a plan never runs twice for one action): with two-phase launch, execute_job_plan
 * creates the instance with start_task false, its id is committed, then operate_job_instance starts
 * it; a create whose answer is lost leaves an instance that never runs, so the create may be sent
 * again, and a start whose answer is lost is settled by the next poll (status 1 = not started yet).
 * Without two-phase launch, execute_job_plan is never sent again once it may have reached Job.
 */
public final class ActionLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ActionLifecycle.class);
    /** operate_job_instance answers for a start of a job that is not in status 1: it already started. */
    static final long REPEAT_START = 1241015L;
    /** operate_job_instance answers for a terminate of a job that is not running: it already ended. */
    static final long UNSUPPORTED_OPERATION = 1241003L;

    private final ActionStore store;
    private final ActionCatalog catalog;
    private final ActionVariables variables;
    private final LifecycleSettings settings;
    private final ObjectMapper json;
    private final LongSupplier clock;
    private final String owner;
    private final BridgeMetrics metrics;
    private final ResultCallbacks callbacks;
    private final Function<String, Convergence> convergenceOf;

    public ActionLifecycle(ActionStore store, ActionCatalog catalog, VariableMapper mapper, LifecycleSettings settings,
                           ObjectMapper json, LongSupplier clock, String owner, BridgeMetrics metrics,
                           ResultCallbacks callbacks, Function<String, Convergence> convergenceOf) {
        this.convergenceOf = convergenceOf;
        this.owner = owner;
        this.metrics = metrics;
        this.callbacks = callbacks;
        this.store = store;
        this.catalog = catalog;
        this.variables = new ActionVariables(mapper);
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    // ---- dispatch --------------------------------------------------------------------------------

    /** Loads the action named by the message body and decides which stage route runs next. */
    public void load(Exchange exchange) {
        String id = exchange.getMessage().getBody(String.class);
        Optional<ActionRecord> found = store.find(id);
        if (found.isEmpty()) {
            LOG.warn("Action {} was dispatched but is not in the store; nothing to do", id);
            exchange.setVariable(LifecycleVariables.STAGE, Stage.NONE);
            return;
        }
        ActionRecord action = found.get();
        if (!owner.equals(action.owner()) || action.nextRunAt() == null) {
            // Another instance took it over, or it ended: the stored state is theirs to act on.
            exchange.setVariable(LifecycleVariables.STAGE, Stage.NONE);
            return;
        }
        exchange.setVariable(LifecycleVariables.ACTION, action);
        exchange.setVariable(LifecycleVariables.STAGE, Stage.of(action));
        ActionMdc.set(action);
        metrics.stepLag(now() - action.nextRunAt());
    }

    // ---- convergence -----------------------------------------------------------------------------

    /**
     * Before a first launch: the action's convergence rule and per-host cap over the other actions of
     * its group (bk-monitor's skip_when_success, skip_when_proceed, wait_when_proceed,
     * skip_when_exceed). A skipped action ends as skipped with the reason; a waiting one is due again
     * shortly; the others go on to launch-job.
     */
    public void converge(Exchange exchange) {
        ActionRecord action = action(exchange);
        Convergence rule = convergenceOf.apply(action.actionName());
        if (action.launchSentAt() != null || (rule.function() == Convergence.Function.NONE && rule.maxRunningPerHost() <= 0)) {
            return;
        }
        Map<String, Object> alert = alertDocument(action);
        ConvergenceKeys.Keys keys = ConvergenceKeys.of(rule, action.actionName(), action.planId(), alert);
        long now = now();
        long since = now - Math.max(rule.timedeltaSeconds() * 1000L, action.timeoutSeconds() * 1000L);
        ConvergenceGate.Decision decision = ConvergenceGate.decide(rule, action.id(), action.createdAt(),
                action.timeoutSeconds(), store.groupMembers(keys.group(), keys.host(), since), now);
        if (decision instanceof ConvergenceGate.Skip skip) {
            commit(action, ActionUpdate.to(ActionStatus.SKIPPED).convergeKeys(keys.group(), keys.host())
                    .reason(skip.reason()).finishedAt(now));
            LOG.info("Action {} (alert {}): skipped - {}", action.id(), action.alertId(), skip.reason());
            exchange.setVariable(LifecycleVariables.STAGE, Stage.NONE);
        } else if (decision instanceof ConvergenceGate.Wait wait) {
            commit(action, ActionUpdate.progress().convergeKeys(keys.group(), keys.host()).reason(wait.reason())
                    .nextRunAt(wait.until()));
            exchange.setVariable(LifecycleVariables.STAGE, Stage.NONE);
        } else {
            commit(action, ActionUpdate.progress().convergeKeys(keys.group(), keys.host()).reason(null));
        }
    }

    private Map<String, Object> alertDocument(ActionRecord action) {
        try {
            return json.readValue(store.alertPayload(action.alertId()).orElseThrow(),
                    new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored alert " + action.alertId() + " is not readable JSON", e);
        }
    }

    // ---- launch ----------------------------------------------------------------------------------

    /**
     * The variable-mapping processor: renders the action config's template_detail over the alert
     * into the global_var_list to send. A mapping failure ends the action with the reason; no Job call.
     */
    public void mapVariables(Exchange exchange) {
        ActionRecord action = action(exchange);
        Optional<ActionConfig> config = catalog.byName(action.actionName());
        if (config.isEmpty()) {
            fail(exchange, action, "action config '" + action.actionName() + "' is no longer in the actions folder");
            return;
        }
        try {
            exchange.setVariable(LifecycleVariables.GLOBAL_VARS, variables.render(config.get(), action.id(),
                    action.planId(), action.bkBizId(), alertDocument(action)));
        } catch (MappingException e) {
            fail(exchange, action, "variable mapping failed: " + e.getMessage());
        }
    }

    /** Prepares execute_job_plan. Without two-phase launch the send is committed first (LAUNCHING). */
    public void launchCall(Exchange exchange) {
        ActionRecord action = action(exchange);
        MappedVariables vars = exchange.getVariable(LifecycleVariables.GLOBAL_VARS, MappedVariables.class);
        if (!settings.twoPhaseLaunch()) {
            // Committed before sending: after a crash, LAUNCHING says "it may have reached Job".
            commit(action, ActionUpdate.to(ActionStatus.LAUNCHING).launchSentAt(now())
                    .globalVarList(write(vars.maskedGlobalVarList())).nextRunAt(now() + settings.answerWaitMs()));
        } else if (action.launchSentAt() == null) {
            // The first create's send time bounds the search for instances a lost answer left behind.
            commit(action, ActionUpdate.progress().launchSentAt(now()));
        }
        exchange.setVariable(LifecycleVariables.JOB_CALL, JobCalls.executeJobPlan(action.bkBizId(), action.planId(),
                vars.globalVarList(), !settings.twoPhaseLaunch()));
    }

    public void onLaunchAnswer(Exchange exchange) {
        ActionRecord action = action(exchange);
        JobAnswer answer = answer(exchange);
        MappedVariables vars = exchange.getVariable(LifecycleVariables.GLOBAL_VARS, MappedVariables.class);
        String masked = write(vars.maskedGlobalVarList());
        long now = now();
        switch (answer.kind()) {
            case OK -> {
                long jobId = answer.data().path("job_instance_id").asLong();
                ActionUpdate update = settings.twoPhaseLaunch()
                        ? ActionUpdate.to(ActionStatus.CREATED).nextRunAt(now)
                        : ActionUpdate.to(ActionStatus.RUNNING).startedAt(now, deadline(action, now))
                                .nextRunAt(now + settings.pollIntervalMs());
                // A create sent before this one (answer lost, or a crash) may have left an instance in status 1.
                boolean mayHaveOrphans = settings.twoPhaseLaunch() && action.launchSentAt() != null;
                commit(action, update.jobInstance(jobId, settings.jobUrl(jobId)).globalVarList(masked).attempts(0)
                        .orphanCheck(mayHaveOrphans).reason(null));
                LOG.info("Action {} (alert {}): plan {} {} as job instance {}", action.id(), action.alertId(),
                        action.planId(), settings.twoPhaseLaunch() ? "created" : "launched", jobId);
            }
            case REJECTED -> failWithJobError(action, "execute_job_plan refused: " + answer.describe(), answer, masked);
            case ANSWER_LOST -> {
                if (settings.twoPhaseLaunch()) {
                    // The lost create left at most an instance in status 1, which never runs: sending again is safe.
                    retryLater(action, ActionStatus.RECEIVED, "execute_job_plan", answer);
                } else {
                    // Never resent: it may have reached Job. The adopt-launch step looks for what it created.
                    LOG.warn("Action {}: execute_job_plan answer lost ({}); looking for the instance it may have"
                            + " created once Job has had time to answer", action.id(), answer.describe());
                    commit(action, ActionUpdate.to(ActionStatus.LAUNCHING).globalVarList(masked)
                            .nextRunAt(now + settings.answerWaitMs()));
                }
            }
            case NOT_SENT, THROTTLED -> retryLater(action, ActionStatus.RECEIVED, "execute_job_plan", answer);
        }
    }

    // ---- recovery: instances a lost create left, and launches whose answer was never recorded -----

    /** Lists the plan's instances created by our account since the first create was sent. */
    public void instanceListCall(Exchange exchange) {
        ActionRecord action = action(exchange);
        long from = action.launchSentAt() - LaunchEvidence.CLOCK_MARGIN_MS;
        exchange.setVariable(LifecycleVariables.JOB_CALL, JobCalls.instanceList(action.bkBizId(), from,
                now() + LaunchEvidence.CLOCK_MARGIN_MS, settings.jobUsername()));
    }

    /**
     * Two-phase launch: the instances in status 1 that are not the one recorded are orphans of lost
     * creates. They never run (status 1 cannot even be terminated); they are reported on the action.
     */
    public void onOrphanList(Exchange exchange) {
        ActionRecord action = action(exchange);
        JobAnswer answer = answer(exchange);
        if (!answer.ok()) {
            if (answer.kind() == JobAnswer.Kind.REJECTED) {
                commit(action, ActionUpdate.progress().orphanCheck(false).nextRunAt(now())
                        .evidence(write(Map.of("orphan_listing_failed", answer.describe()))));
                return;
            }
            retryLater(action, ActionStatus.CREATED, "get_job_instance_list (orphans)", answer);
            return;
        }
        LaunchEvidence evidence = LaunchEvidence.from(answer.data(), action.planId(), store, action.jobInstanceId());
        List<Long> orphans = evidence.notStarted();
        if (!orphans.isEmpty()) {
            LOG.warn("Action {}: lost creates left job instance(s) {} of plan {} in status 1; they never run",
                    action.id(), orphans, action.planId());
        }
        commit(action, ActionUpdate.progress().orphanCheck(false).attempts(0).nextRunAt(now())
                .evidence(write(Map.of("orphans", orphans, "listing", evidence.candidates()))));
    }

    /**
     * Without two-phase launch, an action whose execute_job_plan may have reached Job is adopted when
     * exactly one unknown instance of the plan, created by our account since the send, fits; with none
     * or several it ends as launch_unknown with what was found, for an operator.
     */
    public void onAdoptList(Exchange exchange) {
        ActionRecord action = action(exchange);
        JobAnswer answer = answer(exchange);
        long now = now();
        if (!answer.ok()) {
            if (answer.kind() == JobAnswer.Kind.REJECTED) {
                commit(action, ActionUpdate.to(ActionStatus.LAUNCH_UNKNOWN).finishedAt(now)
                        .reason("the launch of plan " + action.planId() + " may have reached Job, and Job refused"
                                + " the listing that would tell: " + answer.describe()));
                return;
            }
            retryLater(action, ActionStatus.LAUNCHING, "get_job_instance_list (adoption)", answer);
            return;
        }
        LaunchEvidence evidence = LaunchEvidence.from(answer.data(), action.planId(), store, null);
        List<Long> candidates = evidence.unknownIds();
        if (candidates.size() == 1) {
            long jobId = candidates.get(0);
            commit(action, ActionUpdate.to(ActionStatus.RUNNING).jobInstance(jobId, settings.jobUrl(jobId))
                    .startedAt(action.launchSentAt(), deadline(action, action.launchSentAt())).attempts(0)
                    .evidence(write(Map.of("adopted", jobId, "listing", evidence.candidates())))
                    .nextRunAt(now));
            LOG.info("Action {} (alert {}): adopted job instance {}, the only unknown instance of plan {} since"
                    + " the lost launch", action.id(), action.alertId(), jobId, action.planId());
            return;
        }
        String why = candidates.isEmpty()
                ? "no instance of plan " + action.planId() + " created by " + settings.jobUsername()
                        + " since the send was found; the launch may not have reached Job"
                : candidates.size() + " unknown instances of plan " + action.planId() + " fit (" + candidates
                        + "); which one is this action's cannot be told";
        commit(action, ActionUpdate.to(ActionStatus.LAUNCH_UNKNOWN).finishedAt(now)
                .evidence(write(Map.of("candidates", candidates, "listing", evidence.candidates())))
                .reason("execute_job_plan was sent at " + java.time.Instant.ofEpochMilli(action.launchSentAt())
                        + " but its answer was lost: " + why + ". Check Job's execution history; launch by hand"
                        + " only if the plan did not run."));
        LOG.warn("Action {} (alert {}): launch_unknown - {}", action.id(), action.alertId(), why);
    }

    // ---- start -----------------------------------------------------------------------------------

    public void startCall(Exchange exchange) {
        ActionRecord action = action(exchange);
        exchange.setVariable(LifecycleVariables.JOB_CALL,
                JobCalls.operate(action.bkBizId(), action.jobInstanceId(), JobCalls.OPERATION_START));
    }

    public void onStartAnswer(Exchange exchange) {
        ActionRecord action = action(exchange);
        JobAnswer answer = answer(exchange);
        long now = now();
        boolean started = answer.ok() || (answer.kind() == JobAnswer.Kind.REJECTED && answer.code() == REPEAT_START);
        if (started) {
            commit(action, running(action, now).attempts(0).nextRunAt(now + settings.pollIntervalMs()));
            LOG.debug("Action {} (alert {}): job instance {} started", action.id(), action.alertId(), action.jobInstanceId());
            return;
        }
        switch (answer.kind()) {
            case REJECTED -> failWithJobError(action, "operate_job_instance (start) refused: " + answer.describe(),
                    answer, null);
            case ANSWER_LOST -> {
                // The start may have happened: the next poll tells (status 1 sends the action back to CREATED).
                int attempts = checkBudget(action, "operate_job_instance (start)", answer);
                commit(action, running(action, now).attempts(attempts).nextRunAt(now + settings.backoffMs(attempts)));
            }
            default -> retryLater(action, ActionStatus.CREATED, "operate_job_instance (start)", answer);
        }
    }

    private ActionUpdate running(ActionRecord action, long now) {
        ActionUpdate update = ActionUpdate.to(ActionStatus.RUNNING);
        return action.startedAt() == null ? update.startedAt(now, deadline(action, now)) : update;
    }

    private static long deadline(ActionRecord action, long startedAt) {
        return startedAt + action.timeoutSeconds() * 1000L;
    }

    // ---- poll ------------------------------------------------------------------------------------

    public void pollCall(Exchange exchange) {
        ActionRecord action = action(exchange);
        exchange.setVariable(LifecycleVariables.JOB_CALL, JobCalls.status(action.bkBizId(), action.jobInstanceId()));
    }

    public void onPollAnswer(Exchange exchange) {
        ActionRecord action = action(exchange);
        JobAnswer answer = answer(exchange);
        long now = now();
        boolean pastDeadline = action.deadlineAt() != null && now >= action.deadlineAt();
        if (answer.kind() == JobAnswer.Kind.REJECTED) {
            failWithJobError(action, "get_job_instance_status refused: " + answer.describe(), answer, null);
            return;
        }
        if (!answer.ok()) {
            if (pastDeadline) {
                terminate(action, now);
            } else {
                // Polls are reads: retried with back-off until the action's own timeout, never ending it early.
                int attempts = action.attempts() + 1;
                LOG.warn("Action {}: poll of job instance {} failed ({}), retry {} in {} ms", action.id(),
                        action.jobInstanceId(), answer.describe(), attempts, settings.backoffMs(attempts));
                commit(action, ActionUpdate.progress().attempts(attempts).nextRunAt(now + settings.backoffMs(attempts)));
            }
            return;
        }
        JobSnapshot snapshot = JobSnapshot.fromStatusData(answer.data());
        String steps = write(snapshot);
        if (snapshot.finished()) {
            saveHostResults(action.id(), snapshot, Map.of());
            commit(action, ActionUpdate.to(ActionStatus.FETCHING_LOGS).jobStatus(snapshot.jobStatus()).steps(steps)
                    .outcome(snapshot.succeeded() ? ActionStatus.SUCCESS : ActionStatus.FAILURE)
                    .attempts(0).logCursor(0).nextRunAt(now));
            LOG.debug("Action {} (alert {}): job instance {} finished with status {}", action.id(), action.alertId(),
                    action.jobInstanceId(), snapshot.jobStatus());
        } else if (pastDeadline) {
            commit(action, ActionUpdate.progress().jobStatus(snapshot.jobStatus()).steps(steps));
            terminate(action, now);
        } else if (snapshot.jobStatus() != null && snapshot.jobStatus() == JobSnapshot.STATUS_NOT_STARTED) {
            // A start whose answer was lost did not happen (or not yet): start again; a repeat is refused harmlessly.
            commit(action, ActionUpdate.to(ActionStatus.CREATED).jobStatus(snapshot.jobStatus()).steps(steps)
                    .nextRunAt(now + settings.backoffMs(Math.max(action.attempts(), 1))));
        } else {
            commit(action, ActionUpdate.progress().jobStatus(snapshot.jobStatus()).steps(steps).attempts(0)
                    .nextRunAt(now + settings.pollIntervalMs()));
        }
    }

    private void terminate(ActionRecord action, long now) {
        LOG.info("Action {} (alert {}): timed out after {} s, terminating job instance {}", action.id(),
                action.alertId(), action.timeoutSeconds(), action.jobInstanceId());
        commit(action, ActionUpdate.to(ActionStatus.TERMINATING).outcome(ActionStatus.TIMEOUT).attempts(0).nextRunAt(now));
    }

    // ---- terminate -------------------------------------------------------------------------------

    public void terminateCall(Exchange exchange) {
        ActionRecord action = action(exchange);
        exchange.setVariable(LifecycleVariables.JOB_CALL,
                JobCalls.operate(action.bkBizId(), action.jobInstanceId(), JobCalls.OPERATION_TERMINATE));
    }

    public void onTerminateAnswer(Exchange exchange) {
        ActionRecord action = action(exchange);
        JobAnswer answer = answer(exchange);
        long now = now();
        boolean wasRunning = action.jobStatus() != null && (action.jobStatus() == 2 || action.jobStatus() == 7);
        if (answer.kind() == JobAnswer.Kind.REJECTED && answer.code() == UNSUPPORTED_OPERATION && wasRunning) {
            // Job terminates only running (2) or waiting (7) jobs: the last poll saw this one running, so it
            // ended on its own as its deadline passed. The next poll records how it really ended instead of
            // calling it a timeout (a job in any other state is not re-polled here: it could loop).
            commit(action, ActionUpdate.to(ActionStatus.RUNNING).outcome(null).attempts(0)
                    .nextRunAt(now + settings.pollIntervalMs()));
            return;
        }
        boolean done = answer.ok() || answer.kind() == JobAnswer.Kind.REJECTED;
        if (done) {
            String note = answer.ok() ? "job instance " + action.jobInstanceId() + " terminated"
                    : "terminate answered " + answer.describe();
            // Logs of what ran before the timeout are still worth keeping.
            commit(action, ActionUpdate.to(ActionStatus.FETCHING_LOGS).outcome(ActionStatus.TIMEOUT)
                    .reason("timed out after " + action.timeoutSeconds() + " s; " + note)
                    .attempts(0).logCursor(0).nextRunAt(now));
            JobSnapshot last = snapshot(action);
            if (last != null) {
                saveHostResults(action.id(), last, Map.of());
            }
            return;
        }
        retryLater(action, ActionStatus.TERMINATING, "operate_job_instance (terminate)", answer);
    }

    // ---- logs ------------------------------------------------------------------------------------

    /** Prepares the next log batch, or finishes the action when every batch is in. */
    public void logsCall(Exchange exchange) {
        ActionRecord action = action(exchange);
        JobSnapshot snapshot = snapshot(action);
        List<LogBatches.Batch> batches = snapshot == null ? List.of() : LogBatches.plan(snapshot);
        if (action.logCursor() >= batches.size()) {
            finish(action, snapshot);
            exchange.setVariable(LifecycleVariables.JOB_CALL, null);
            return;
        }
        LogBatches.Batch batch = batches.get(action.logCursor());
        List<Long> hostIds = new ArrayList<>();
        List<Map<String, Object>> ipList = new ArrayList<>();
        boolean allHaveIds = true;
        for (JobSnapshot.Host h : batch.hosts()) {
            if (h.bkHostId() == null || h.bkHostId() <= 0) {
                allHaveIds = false;
            } else {
                hostIds.add(h.bkHostId());
            }
            Map<String, Object> ip = new LinkedHashMap<>();
            ip.put("bk_cloud_id", h.bkCloudId() == null ? 0L : h.bkCloudId());
            ip.put("ip", h.ip());
            ipList.add(ip);
        }
        exchange.setVariable(LifecycleVariables.JOB_CALL, JobCalls.ipLogs(action.bkBizId(), action.jobInstanceId(),
                batch.step().stepInstanceId(), allHaveIds ? hostIds : null, ipList));
    }

    public void onLogsAnswer(Exchange exchange) {
        ActionRecord action = action(exchange);
        JobAnswer answer = answer(exchange);
        long now = now();
        JobSnapshot snapshot = snapshot(action);
        List<LogBatches.Batch> batches = LogBatches.plan(snapshot);
        LogBatches.Batch batch = batches.get(action.logCursor());
        if (answer.ok()) {
            Map<String, String> logs = logsByHost(answer.data());
            saveBatch(action.id(), batch, logs);
            int next = action.logCursor() + 1;
            if (next >= batches.size()) {
                finish(action.withLogCursor(next), snapshot);
            } else {
                commit(action, ActionUpdate.progress().logCursor(next).attempts(0).nextRunAt(now));
            }
            return;
        }
        if (answer.kind() == JobAnswer.Kind.REJECTED) {
            // The job's outcome is known; a log Job will not give is noted, not a reason to lose the outcome.
            LOG.warn("Action {}: Job refused the logs of step {} ({}); recording the outcome without them",
                    action.id(), batch.step().stepInstanceId(), answer.describe());
            int next = action.logCursor() + 1;
            if (next >= batches.size()) {
                finish(action.withLogCursor(next), snapshot);
            } else {
                commit(action, ActionUpdate.progress().logCursor(next).attempts(0).nextRunAt(now));
            }
            return;
        }
        retryLater(action, ActionStatus.FETCHING_LOGS, "batch_get_job_instance_ip_log", answer);
    }

    private void finish(ActionRecord action, JobSnapshot snapshot) {
        ActionStatus outcome = action.outcome() == null ? ActionStatus.FAILURE : ActionStatus.fromWire(action.outcome());
        String reason = action.reason();
        if (outcome == ActionStatus.FAILURE && snapshot != null) {
            reason = OutcomeReason.failure(snapshot);
        } else if (outcome == ActionStatus.SUCCESS) {
            reason = null;
        }
        commit(action, ActionUpdate.to(outcome).reason(reason).finishedAt(now()));
        LOG.info("Action {} (alert {}): {}{}", action.id(), action.alertId(), outcome.wireName(),
                reason == null ? "" : " - " + reason);
    }

    private Map<String, String> logsByHost(JsonNode data) {
        Map<String, String> logs = new HashMap<>();
        for (JsonNode l : data.path("script_task_logs")) {
            String content = l.path("log_content").asText("");
            JsonNode hostId = l.hasNonNull("bk_host_id") ? l.get("bk_host_id") : l.get("host_id");
            if (hostId != null && !hostId.isNull()) {
                logs.put("id:" + hostId.asLong(), content);
            }
            logs.put("ip:" + l.path("bk_cloud_id").asLong(0) + ":" + l.path("ip").asText(""), content);
        }
        return logs;
    }

    private void saveBatch(String actionId, LogBatches.Batch batch, Map<String, String> logs) {
        List<HostResult> rows = new ArrayList<>();
        for (JobSnapshot.Host h : batch.hosts()) {
            String log = h.bkHostId() != null ? logs.get("id:" + h.bkHostId()) : null;
            if (log == null) {
                log = logs.get("ip:" + (h.bkCloudId() == null ? 0 : h.bkCloudId()) + ":" + h.ip());
            }
            rows.add(hostResult(batch.step(), h, log));
        }
        store.saveHostResults(actionId, batch.firstSeq(), rows);
    }

    /** Records every host of every step as Job reported it, before any log is fetched. */
    private void saveHostResults(String actionId, JobSnapshot snapshot, Map<String, String> logs) {
        List<JobSnapshot.Step> steps = snapshot.steps();
        for (int s = 0; s < steps.size(); s++) {
            JobSnapshot.Step step = steps.get(s);
            List<HostResult> rows = new ArrayList<>();
            for (JobSnapshot.Host h : step.hosts()) {
                rows.add(hostResult(step, h, null));
            }
            if (!rows.isEmpty()) {
                store.saveHostResults(actionId, s * LogBatches.SEQ_PER_STEP, rows);
            }
        }
    }

    private HostResult hostResult(JobSnapshot.Step step, JobSnapshot.Host h, String log) {
        String kept = log;
        boolean truncated = false;
        if (log != null) {
            byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > settings.maxLogBytes()) {
                kept = cutUtf8(bytes, settings.maxLogBytes());
                truncated = true;
            }
        }
        return new HostResult(step.stepInstanceId(), step.name(), step.type(), h.ip(), h.bkCloudId(), h.bkHostId(),
                h.status(), h.exitCode(), h.errorCode(), kept, truncated);
    }

    /** The longest prefix of at most maxBytes that does not split a UTF-8 character. */
    static String cutUtf8(byte[] bytes, int maxBytes) {
        if (bytes.length <= maxBytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        int end = maxBytes;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    // ---- shared ----------------------------------------------------------------------------------

    private void retryLater(ActionRecord action, ActionStatus stay, String step, JobAnswer answer) {
        int attempts = checkBudget(action, step, answer);
        long delay = settings.backoffMs(attempts);
        LOG.warn("Action {}: {} failed ({}), retry {} of {} in {} ms", action.id(), step, answer.describe(), attempts,
                settings.maxRetries(), delay);
        commit(action, ActionUpdate.to(stay).attempts(attempts).nextRunAt(now() + delay));
    }

    private int checkBudget(ActionRecord action, String step, JobAnswer answer) {
        int attempts = action.attempts() + 1;
        if (attempts > settings.maxRetries()) {
            throw new JobApiUnavailableException(action.id(), step, attempts, answer.describe());
        }
        return attempts;
    }

    private void fail(Exchange exchange, ActionRecord action, String reason) {
        commit(action, ActionUpdate.to(ActionStatus.FAILURE).reason(reason).finishedAt(now()));
        LOG.info("Action {} (alert {}): failure - {}", action.id(), action.alertId(), reason);
        exchange.setVariable(LifecycleVariables.STAGE, Stage.NONE);
    }

    private void failWithJobError(ActionRecord action, String reason, JobAnswer answer, String maskedVars) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", answer.code());
        error.put("message", answer.message());
        if (answer.permission() != null) {
            error.put("permission", answer.permission());
        }
        ActionUpdate update = ActionUpdate.to(ActionStatus.FAILURE).reason(reason).jobError(write(error)).finishedAt(now());
        if (maskedVars != null) {
            update.globalVarList(maskedVars);
        }
        commit(action, update);
        LOG.info("Action {} (alert {}): failure - {}", action.id(), action.alertId(), reason);
    }

    /**
     * Commits one step. A step that ends the action also queues its result callbacks in the same
     * transaction, so an action never ends without them.
     */
    private void commit(ActionRecord action, ActionUpdate update) {
        Optional<ActionStatus> end = update.finalStatus();
        if (end.isEmpty()) {
            store.apply(action.id(), owner, update);
            return;
        }
        String reason = update.reasonValue().orElse(action.reason());
        store.apply(action.id(), owner, update, callbacks.forFinished(action, end.get(), reason, now()));
        metrics.actionFinished(end.get().wireName(), action.actionName());
    }

    private JobSnapshot snapshot(ActionRecord action) {
        if (action.steps() == null) {
            return null;
        }
        try {
            return json.readValue(action.steps(), JobSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored steps of action " + action.id() + " are not readable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }

    /** The action of this step; its ids go into the MDC of the thread running the step. */
    private static ActionRecord action(Exchange exchange) {
        ActionRecord action = exchange.getVariable(LifecycleVariables.ACTION, ActionRecord.class);
        ActionMdc.set(action);
        return action;
    }

    private static JobAnswer answer(Exchange exchange) {
        return exchange.getVariable(LifecycleVariables.JOB_ANSWER, JobAnswer.class);
    }

    private long now() {
        return clock.getAsLong();
    }
}
