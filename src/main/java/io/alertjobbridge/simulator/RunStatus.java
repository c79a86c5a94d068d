package io.alertjobbridge.simulator;

/**
 * Job-instance and step-instance status codes (Job's {@code RunStatusEnum}, reference section 5.1). Only the
 * codes the simulator produces are named; {@link #isFinished(int)} knows the whole finished set of 5.2 so the
 * instance-list status filter can tell "unknown code" from "never produced here".
 */
final class RunStatus {

    static final int BLANK = 1;
    static final int RUNNING = 2;
    static final int SUCCESS = 3;
    static final int FAIL = 4;
    static final int WAITING_USER = 7;
    static final int STOPPING = 10;
    static final int STOP_SUCCESS = 11;

    private RunStatus() {
    }

    static boolean isFinished(int status) {
        return switch (status) {
            case 3, 4, 5, 6, 8, 9, 11, 13, 14 -> true;
            default -> false;
        };
    }

    /** Codes of the enum; status 12 is documented but gone from the enum, so a filter on it is an error. */
    static boolean isKnown(int status) {
        return status >= 1 && status <= 15 && status != 12;
    }
}
