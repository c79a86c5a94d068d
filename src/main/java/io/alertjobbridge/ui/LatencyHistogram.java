package io.alertjobbridge.ui;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Calls and their latency added up over several timers (APIs, outcomes or minutes), with quantiles
 * estimated from the buckets the way Prometheus' histogram_quantile does: find the bucket that holds
 * the rank, interpolate linearly inside it. An estimate, as precise as the buckets are narrow
 * (Micrometer's percentile histogram: about a quarter of the value).
 */
final class LatencyHistogram {

    private long count;
    private double totalMs;
    private double maxMs;
    private final NavigableMap<Double, Long> cumulativeBuckets = new TreeMap<>();

    void add(TimerReading r) {
        count += r.count();
        totalMs += r.totalMs();
        maxMs = Math.max(maxMs, r.maxMs());
        // Bucket counts are cumulative, so the sum over timers of the same bounds stays cumulative.
        for (Map.Entry<Double, Long> b : r.cumulativeBuckets().entrySet()) {
            cumulativeBuckets.merge(b.getKey(), b.getValue(), Long::sum);
        }
    }

    long count() {
        return count;
    }

    /** The mean latency in ms, or null with no call. */
    Double meanMs() {
        return count == 0 ? null : totalMs / count;
    }

    double maxMs() {
        return maxMs;
    }

    /**
     * The estimated q-quantile in ms, or null with no call or no buckets. A rank beyond the largest
     * bound answers that bound: the histogram knows nothing above it.
     */
    Double quantileMs(double q) {
        if (q <= 0 || q > 1) {
            throw new IllegalArgumentException("a quantile is in (0, 1], got " + q);
        }
        if (count == 0 || cumulativeBuckets.isEmpty()) {
            return null;
        }
        double rank = q * count;
        double lowerBound = 0;
        long lowerCount = 0;
        for (Map.Entry<Double, Long> b : cumulativeBuckets.entrySet()) {
            if (b.getValue() >= rank) {
                long inBucket = b.getValue() - lowerCount;
                if (inBucket <= 0) {
                    return b.getKey();
                }
                return lowerBound + (b.getKey() - lowerBound) * (rank - lowerCount) / inBucket;
            }
            lowerBound = b.getKey();
            lowerCount = b.getValue();
        }
        return cumulativeBuckets.lastKey();
    }
}
