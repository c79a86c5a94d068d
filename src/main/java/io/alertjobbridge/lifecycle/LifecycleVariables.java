package io.alertjobbridge.lifecycle;

/** Names of the exchange variables the lifecycle routes carry between steps. */
public final class LifecycleVariables {
    /** The id of the action being advanced, set by the step's first processor: what a dead letter keeps. */
    public static final String ACTION_ID = "actionId";
    /** The {@link io.alertjobbridge.store.ActionRecord} being advanced, as read at the start of the step. */
    public static final String ACTION = "action";
    /** The route to take next ({@link Stage}). */
    public static final String STAGE = "stage";
    /** The {@link io.alertjobbridge.job.JobCall} to send, or null when the step needs no call. */
    public static final String JOB_CALL = "jobCall";
    /** The {@link io.alertjobbridge.job.JobAnswer} of the call. */
    public static final String JOB_ANSWER = "jobAnswer";
    /** The {@link io.alertjobbridge.mapping.MappedVariables} rendered for the launch. */
    public static final String GLOBAL_VARS = "globalVars";

    private LifecycleVariables() {
    }
}
