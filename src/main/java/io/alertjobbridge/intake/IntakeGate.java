package io.alertjobbridge.intake;

/**
 * Open while the bridge takes alerts. Closed first when the bridge stops, so new alerts are answered
 * 503 (the sender keeps them and retries elsewhere) while in-flight work finishes.
 */
public final class IntakeGate {

    private volatile boolean open = true;

    public void close() {
        open = false;
    }

    public void requireOpen() {
        if (!open) {
            throw new BadRequestException(503, "shutting_down", null,
                    "the bridge is shutting down and takes no new alerts; send again, to another instance");
        }
    }
}
