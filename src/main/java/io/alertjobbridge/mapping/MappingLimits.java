package io.alertjobbridge.mapping;

/**
 * Bounds on what one template may cost when it renders. Each bound applies to one template_detail value.
 *
 * @param maxOutputBytes  largest rendered value, in UTF-8 bytes (Jinjava measures output in bytes); also
 *                        the longest string a template may build while rendering
 * @param maxRangeSize    most items {@code range()} may produce, which bounds the loops templates write
 * @param maxRenderDepth  deepest nesting of template rendering (nested interpretation, macros)
 * @param maxRenderMillis wall-clock budget for rendering one value; checked before every template node,
 *                        so nested loops that print nothing still stop
 */
public record MappingLimits(int maxOutputBytes, int maxRangeSize, int maxRenderDepth, long maxRenderMillis) {

    /**
     * 64 KiB is far above any real host list or script parameter yet small enough to log and store;
     * 1000 items and depth 10 are Jinjava's own defaults. Real templates render in microseconds, so the
     * time budget only has to stop runaway ones; it is wall-clock time, so it is set high enough (2 s)
     * that a garbage-collection pause or the class loading of a first render never trips it.
     */
    public static MappingLimits defaults() {
        return new MappingLimits(64 * 1024, 1000, 10, 2000);
    }

    public MappingLimits {
        requirePositive("maxOutputBytes", maxOutputBytes);
        requirePositive("maxRangeSize", maxRangeSize);
        requirePositive("maxRenderDepth", maxRenderDepth);
        requirePositive("maxRenderMillis", maxRenderMillis);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
    }
}
