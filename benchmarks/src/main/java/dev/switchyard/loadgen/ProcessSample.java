package dev.switchyard.loadgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Linux process's CPU time and memory, from {@code /proc/<pid>/stat} (proc(5): utime and stime, fields 14
 * and 15, in clock ticks) and {@code /proc/<pid>/status} (VmRSS, VmHWM).
 */
record ProcessSample(long cpuTicks, long rssBytes, long peakRssBytes) {

    /** USER_HZ: 100 on every mainstream Linux architecture; the kernel ABI fixes it for /proc. */
    static final int TICKS_PER_SECOND = 100;
    private static final int UTIME_AFTER_COMM = 11;
    private static final int STIME_AFTER_COMM = 12;

    static ProcessSample read(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // The command name (field 2) is in parentheses and may itself contain spaces or parentheses.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        long ticks = Long.parseLong(fields[UTIME_AFTER_COMM]) + Long.parseLong(fields[STIME_AFTER_COMM]);
        long rss = -1;
        long peak = -1;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kibibytes(line);
            } else if (line.startsWith("VmHWM:")) {
                peak = kibibytes(line);
            }
        }
        return new ProcessSample(ticks, rss, peak);
    }

    private static long kibibytes(String statusLine) {
        String[] parts = statusLine.trim().split("\\s+");
        return Long.parseLong(parts[1]) * 1024;
    }
}
