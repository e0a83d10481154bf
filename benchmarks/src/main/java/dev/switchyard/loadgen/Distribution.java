package dev.switchyard.loadgen;

import java.util.List;

/** The median, 99th percentile (nearest rank) and maximum of a set of values, and how many there were. */
record Distribution(double p50, double p99, double max, long count) {

    static final Distribution EMPTY = new Distribution(0, 0, 0, 0);

    static Distribution of(List<Double> values) {
        if (values.isEmpty()) {
            return EMPTY;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Distribution(nearestRank(sorted, 0.50), nearestRank(sorted, 0.99), sorted[sorted.length - 1],
                sorted.length);
    }

    static Distribution of(LatencyHistogram histogram) {
        return new Distribution(histogram.percentile(0.50), histogram.percentile(0.99), histogram.max(),
                histogram.count());
    }

    private static double nearestRank(double[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
