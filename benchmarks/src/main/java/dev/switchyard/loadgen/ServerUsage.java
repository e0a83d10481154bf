package dev.switchyard.loadgen;

/**
 * The server process's cost over the measurement window, from /proc. Heap, threads and descriptors are in
 * {@link ServerFootprint}, from the server's {@code /health}.
 *
 * @param cpuSeconds user plus system CPU time the server used during the window
 * @param cpuSecondsPerMillionForwarded {@code cpuSeconds} per million packets the subscribers received
 * @param forwardedPacketsPerCoreSecond the inverse: packets forwarded per second of one fully busy core
 * @param rssBytes resident set at the end of the window; {@code peakRssBytes} the high-water mark (VmHWM)
 */
record ServerUsage(long pid, double cpuSeconds, double cpuSecondsPerMillionForwarded,
                   double forwardedPacketsPerCoreSecond, long rssBytes, long peakRssBytes) {

    static ServerUsage between(long pid, ProcessSample start, ProcessSample end, long forwardedPackets) {
        double cpu = (end.cpuTicks() - start.cpuTicks()) / (double) ProcessSample.TICKS_PER_SECOND;
        double perMillion = forwardedPackets == 0 ? 0 : cpu / (forwardedPackets / 1e6);
        double perCoreSecond = cpu == 0 ? 0 : forwardedPackets / cpu;
        return new ServerUsage(pid, cpu, perMillion, perCoreSecond, end.rssBytes(), end.peakRssBytes());
    }
}
