package io.alertjobbridge.simulator;

/** Per-host result codes of a step ({@code ExecuteObjectTaskStatusEnum}, reference section 5.4) and GSE error codes. */
final class HostStatus {

    // Host statuses.

    static final int RUNNING = 7;
    static final int SUCCESS = 9;
    static final int SCRIPT_EXIT_NON_ZERO = 104;
    static final int FORCE_TERMINATED = 403;

    // GSE error codes (error_code).
    static final int GSE_DONE = 0;
    static final int GSE_RUNNING = 115;
    static final int GSE_FORCE_TERMINATED = 126;

    private HostStatus() {
    }
}
