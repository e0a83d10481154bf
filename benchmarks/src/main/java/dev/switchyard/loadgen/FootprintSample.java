package dev.switchyard.loadgen;

/**
 * The server's footprint at one moment: heap, threads and descriptors from its {@code /health}, resident set
 * from {@code /proc/<pid>/status}. A figure the server or the options did not give is -1.
 *
 * @param atSeconds time since the idle sample, the first of the run
 * @param participants everyone the server counts, in every room
 * @param iceSessions the server's ICE sessions (ice4j agents) on its media port
 */
record FootprintSample(double atSeconds, int participants, int iceSessions, long heapUsedBytes, long heapCommittedBytes,
                       int threads, long openFileDescriptors, long rssBytes) {

    /**
     * At or below {@code reference} in threads, descriptors and ICE sessions, each compared only where both are
     * known.
     */
    boolean threadsAndDescriptorsWithin(FootprintSample reference) {
        return atOrBelow(threads, reference.threads)
                && atOrBelow(openFileDescriptors, reference.openFileDescriptors)
                && atOrBelow(iceSessions, reference.iceSessions);
    }

    private static boolean atOrBelow(long value, long reference) {
        return value < 0 || reference < 0 || value <= reference;
    }
}
