package io.alertjobbridge.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The columns one lifecycle step changes on an action row, committed together. Only known
 * columns can be named, so the SQL built from an update never contains outside text.
 */
public final class ActionUpdate {

    private final Map<String, Object> columns = new LinkedHashMap<>();

    private ActionUpdate() {
    }

    /** A step that moves the action to {@code status}. */
    public static ActionUpdate to(ActionStatus status) {
        ActionUpdate update = new ActionUpdate();
        update.columns.put("status", status.wireName());
        return update;
    }

    /** A step that keeps the status and only records progress. */
    public static ActionUpdate progress() {
        return new ActionUpdate();
    }

    public ActionUpdate reason(String reason) {
        return put("reason", reason);
    }

    public ActionUpdate outcome(ActionStatus outcome) {
        return put("outcome", outcome == null ? null : outcome.wireName());
    }

    public ActionUpdate jobError(String json) {
        return put("job_error", json);
    }

    public ActionUpdate jobInstance(long jobInstanceId, String jobUrl) {
        put("job_instance_id", jobInstanceId);
        return put("job_url", jobUrl);
    }

    public ActionUpdate jobStatus(Integer status) {
        return put("job_status", status);
    }

    public ActionUpdate globalVarList(String maskedJson) {
        return put("global_var_list", maskedJson);
    }

    public ActionUpdate steps(String json) {
        return put("steps", json);
    }

    public ActionUpdate attempts(int attempts) {
        return put("attempts", attempts);
    }

    /** Index of the next log batch to fetch. */
    public ActionUpdate logCursor(int cursor) {
        return put("log_cursor", cursor);
    }

    /** When the next step is due; null for a final state. */
    public ActionUpdate nextRunAt(Long at) {
        return put("next_run_at", at);
    }

    public ActionUpdate launchSentAt(Long at) {
        return put("launch_sent_at", at);
    }

    /** Whether the next step must first look for instances a lost create may have left in Job. */
    public ActionUpdate orphanCheck(boolean needed) {
        return put("orphan_check", needed);
    }

    /** What an operator needs to resolve the action: candidates, orphans, the listing they came from (JSON). */
    public ActionUpdate evidence(String json) {
        return put("evidence", json);
    }

    /** The action's convergence group and host group (see ConvergenceKeys). */
    public ActionUpdate convergeKeys(String group, String host) {
        put("converge_key", group);
        return put("host_key", host);
    }

    public ActionUpdate startedAt(long at, long deadlineAt) {
        put("started_at", at);
        return put("deadline_at", deadlineAt);
    }

    public ActionUpdate finishedAt(long at) {
        put("finished_at", at);
        return put("next_run_at", null);
    }

    private ActionUpdate put(String column, Object value) {
        columns.put(column, value);
        return this;
    }

    Map<String, Object> columns() {
        return Collections.unmodifiableMap(columns);
    }

    public boolean changesStatus() {
        return columns.containsKey("status");
    }

    /** The reason this update sets, if it sets one. */
    public java.util.Optional<String> reasonValue() {
        return columns.containsKey("reason") ? java.util.Optional.ofNullable((String) columns.get("reason"))
                : java.util.Optional.empty();
    }

    /** The final status this update ends the action with, if it ends it. */
    public java.util.Optional<ActionStatus> finalStatus() {
        Object status = columns.get("status");
        if (status == null) {
            return java.util.Optional.empty();
        }
        ActionStatus s = ActionStatus.fromWire(status.toString());
        return s.isFinal() ? java.util.Optional.of(s) : java.util.Optional.empty();
    }
}
