package dev.switchyard.loadgen;

import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;
import java.util.function.ToLongFunction;

/**
 * The server's footprint over a run: before anyone joined, through the measurement window, and once everyone
 * had left and the server had had time to close their transports.
 *
 * @param window samples from the opening of the measurement window to its end, {@link
 *               FootprintProbe#WINDOW_SAMPLE_MILLIS} apart
 * @param windowGrowth the window's last sample against its first (heap there is uncollected, so noisy)
 * @param afterLeaveVsIdle the after-leave sample against the idle one
 * @param heapCollected whether the server's garbage was collected before the idle and after-leave samples, so
 *                      that their heap figures compare
 * @param returnedToIdle threads and descriptors back at or below idle and, if collected, heap used within
 *                       {@link #HEAP_SLACK_BYTES} of it; a fresh server starts its thread pools on first use and
 *                       keeps them, so only a run against a warmed server can show this
 * @param notes what could not be measured, and why
 */
record ServerFootprint(FootprintSample idle, List<FootprintSample> window, FootprintSample afterLeave,
                       FootprintChange windowGrowth, FootprintChange afterLeaveVsIdle, boolean heapCollected,
                       boolean returnedToIdle, List<String> notes) {

    /** Classes the run loaded and caches it warmed keep some heap that is not per participant. */
    static final long HEAP_SLACK_BYTES = 4L << 20;
    private static final double MIB = 1 << 20;

    static ServerFootprint of(FootprintSample idle, List<FootprintSample> window, FootprintSample afterLeave,
                              boolean heapCollected, List<String> notes) {
        FootprintChange back = FootprintChange.between(idle, afterLeave);
        boolean returned = back.threads() != null && back.threads() <= 0
                && (back.openFileDescriptors() == null || back.openFileDescriptors() <= 0)
                && (!heapCollected || back.heapUsedBytes() == null || back.heapUsedBytes() <= HEAP_SLACK_BYTES);
        return new ServerFootprint(idle, List.copyOf(window), afterLeave,
                FootprintChange.between(window.get(0), window.get(window.size() - 1)), back, heapCollected,
                returned, List.copyOf(notes));
    }

    /** Rows for {@link LoadReport#table()}. */
    void appendRows(StringBuilder out) {
        LoadReport.row(out, "server heap used", "%s MiB%s", timeline(FootprintSample::heapUsedBytes, MIB),
                heapCollected ? " (idle and after leave collected first)" : "");
        LoadReport.row(out, "server heap committed", "%s MiB", timeline(FootprintSample::heapCommittedBytes, MIB));
        LoadReport.row(out, "server threads", "%s", timeline(FootprintSample::threads, 1));
        LoadReport.row(out, "server ICE sessions", "%s", timeline(FootprintSample::iceSessions, 1));
        LoadReport.row(out, "server fds", "%s", timeline(FootprintSample::openFileDescriptors, 1));
        if (idle.rssBytes() >= 0) {
            LoadReport.row(out, "server RSS timeline", "%s MiB", timeline(FootprintSample::rssBytes, MIB));
        }
        LoadReport.row(out, "window growth", "threads %s, fds %s (last of %d samples minus first)",
                signed(windowGrowth.threads(), 1), signed(windowGrowth.openFileDescriptors(), 1), window.size());
        LoadReport.row(out, "returned to idle", "%s (threads %s, fds %s, heap used %s MiB)",
                returnedToIdle ? "yes" : "no", signed(afterLeaveVsIdle.threads(), 1),
                signed(afterLeaveVsIdle.openFileDescriptors(), 1), signed(afterLeaveVsIdle.heapUsedBytes(), MIB));
        notes.forEach(note -> LoadReport.row(out, "footprint note", "%s", note));
    }

    /** {@code idle A -> window min..max -> after leave B}, in {@code unit}s. */
    private String timeline(ToLongFunction<FootprintSample> metric, double unit) {
        LongSummaryStatistics known = window.stream().mapToLong(metric).filter(value -> value >= 0)
                .summaryStatistics();
        String range = known.getCount() == 0 ? "n/a"
                : amount(known.getMin(), unit) + ".." + amount(known.getMax(), unit);
        return "idle " + amount(metric.applyAsLong(idle), unit) + " -> window " + range + " -> after leave "
                + amount(metric.applyAsLong(afterLeave), unit);
    }

    private static String amount(long value, double unit) {
        if (value < 0) {
            return "n/a";
        }
        return unit == 1 ? Long.toString(value) : String.format(Locale.ROOT, "%.1f", value / unit);
    }

    private static String signed(Long change, double unit) {
        if (change == null) {
            return "n/a";
        }
        return unit == 1 ? String.format(Locale.ROOT, "%+d", change)
                : String.format(Locale.ROOT, "%+.1f", change / unit);
    }
}
