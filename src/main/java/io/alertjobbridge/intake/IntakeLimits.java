package io.alertjobbridge.intake;

/**
 * Bounds on what an inbound JSON body may hold, whatever its source. The body size itself is bounded
 * by the HTTP server (camel.server.max-body-size, answered 413) before any of these are checked.
 *
 * @param maxDepth       containers nested in each other, the root counting as 1
 * @param maxStringChars characters in one string value
 * @param maxArrayItems  items in one list (an Alertmanager group's alerts, a dimension list)
 */
public record IntakeLimits(int maxDepth, int maxStringChars, int maxArrayItems) {

    /** Keys of objects are names, not content: far shorter than values. */
    public static final int MAX_NAME_CHARS = 1024;

    public IntakeLimits {
        if (maxDepth < 4 || maxDepth > 1000) {
            throw new IllegalArgumentException("bridge.intake.max-depth must be 4..1000, got " + maxDepth);
        }
        if (maxStringChars < 256) {
            throw new IllegalArgumentException("bridge.intake.max-string-chars must be at least 256, got " + maxStringChars);
        }
        if (maxArrayItems < 10) {
            throw new IllegalArgumentException("bridge.intake.max-array-items must be at least 10, got " + maxArrayItems);
        }
    }

    public static IntakeLimits defaults() {
        return new IntakeLimits(32, 65_536, 1000);
    }
}
