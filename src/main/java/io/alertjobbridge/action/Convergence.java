package io.alertjobbridge.action;

import java.util.List;
import java.util.Locale;

/**
 * An action's protection against remediation storms, as bk-monitor's "alarm defence" (section 6 of
 * bk-monitor-job-action.md): actions of the same group (the same values of {@code dimensions}) are
 * counted within {@code timedeltaSeconds}, and {@code function} decides whether a new one runs, waits
 * or is skipped. {@code maxRunningPerHost} caps the actions of one plan running on one host at once;
 * more wait their turn. A skipped action is recorded with its reason, never dropped.
 */
public record Convergence(Function function, int timedeltaSeconds, int count, List<String> dimensions,
                          int maxRunningPerHost) {

    /** What to do when others of the group exist. */
    public enum Function {
        /** None: every alert runs (still subject to the per-host cap). */
        NONE,
        /** Another one succeeded within the window: skip; another one is still in progress: wait for it. */
        SKIP_WHEN_SUCCESS,
        /** Another one is in progress: skip. */
        SKIP_WHEN_PROCEED,
        /** Another one is in progress: wait (queued behind it), then run. */
        WAIT_WHEN_PROCEED,
        /** {@code count} of the group already ran within the window: skip. */
        SKIP_WHEN_EXCEED;

        public static Function parse(String value) {
            return Function.valueOf(value.trim().toUpperCase(Locale.ROOT));
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The dimensions a group is made of when the action names none: the action and its target host. */
    public static final List<String> DEFAULT_DIMENSIONS = List.of("action", "target_host");
    public static final int DEFAULT_TIMEDELTA_SECONDS = 600;
    /** Unbounded per-host runs unless the action asks for a cap. */
    public static final int NO_CAP = 0;

    public static final Convergence NONE = new Convergence(Function.NONE, DEFAULT_TIMEDELTA_SECONDS, 1,
            DEFAULT_DIMENSIONS, NO_CAP);
}
