package io.alertjobbridge.lifecycle;

import io.alertjobbridge.store.ActionRecord;
import org.slf4j.MDC;

/**
 * Puts the action id, alert id and job instance id into the logging MDC of the thread running a
 * lifecycle step, so every line it logs (plain or JSON) names them. A step may continue on another
 * thread after waiting for the call budget; each step method sets them again.
 */
final class ActionMdc {

    static final String ACTION_ID = "action_id";
    static final String ALERT_ID = "alert_id";
    static final String JOB_INSTANCE_ID = "job_instance_id";

    private ActionMdc() {
    }

    static void set(ActionRecord action) {
        if (action == null) {
            return;
        }
        MDC.put(ACTION_ID, action.id());
        MDC.put(ALERT_ID, action.alertId());
        if (action.jobInstanceId() != null) {
            MDC.put(JOB_INSTANCE_ID, String.valueOf(action.jobInstanceId()));
        } else {
            MDC.remove(JOB_INSTANCE_ID);
        }
    }

    static void clear() {
        MDC.remove(ACTION_ID);
        MDC.remove(ALERT_ID);
        MDC.remove(JOB_INSTANCE_ID);
    }
}
