package dev.switchyard.loadgen;

/**
 * Counts of microsecond values in log-linear buckets: exact below 1024 µs, then 512 buckets per power of two
 * (under 0.2 % relative error), up to about 2^31 µs. Not thread-safe: one writer, merged after the run.
 */
final class LatencyHistogram {

    private static final int LINEAR_LIMIT = 1024;
    private static final int SUB_BUCKET_BITS = 9;
    private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    private static final int MAX_EXPONENT = 31;
    private static final int BUCKETS = LINEAR_LIMIT + (MAX_EXPONENT - 10) * SUB_BUCKETS;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long max;

    void record(long micros) {
        long value = Math.max(0, micros);
        counts[index(value)]++;
        total++;
        max = Math.max(max, value);
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        max = Math.max(max, other.max);
    }

    long count() {
        return total;
    }

    long max() {
        return max;
    }

    /** The smallest bucket value at or below which {@code quantile} of the values lie; 0 when empty. */
    long percentile(double quantile) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(max, upperBound(i));
            }
        }
        return max;
    }

    private static int index(long value) {
        if (value < LINEAR_LIMIT) {
            return (int) value;
        }
        int exponent = Math.min(MAX_EXPONENT - 1, 63 - Long.numberOfLeadingZeros(value));
        long clamped = Math.min(value, (1L << (exponent + 1)) - 1);
        int sub = (int) ((clamped >> (exponent - SUB_BUCKET_BITS)) - SUB_BUCKETS);
        return LINEAR_LIMIT + (exponent - 10) * SUB_BUCKETS + sub;
    }

    private static long upperBound(int index) {
        if (index < LINEAR_LIMIT) {
            return index;
        }
        int exponent = 10 + (index - LINEAR_LIMIT) / SUB_BUCKETS;
        int sub = (index - LINEAR_LIMIT) % SUB_BUCKETS;
        return ((long) (SUB_BUCKETS + sub + 1) << (exponent - SUB_BUCKET_BITS)) - 1;
    }
}
