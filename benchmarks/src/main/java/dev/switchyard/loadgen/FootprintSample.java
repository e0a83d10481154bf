package dev.switchyard.loadgen;

/**
 * The server's footprint at one moment: heap, threads and descriptors from its {@code /health}, resident set
 * from {@code /proc/<pid>/status}. A figure the server or the options did not give is -1.
 *
 * @param atSeconds time since the idle sample, the first of the run
 * @param participants everyone the server counts, in every room
 */
record FootprintSample(double atSeconds, int participants, long heapUsedBytes, long heapCommittedBytes,
                       int threads, long openFileDescriptors, long rssBytes) {

    /** At or below {@code reference} in threads and descriptors, each compared only where both are known. */
    boolean threadsAndDescriptorsWithin(FootprintSample reference) {
        return atOrBelow(threads, reference.threads)
                && atOrBelow(openFileDescriptors, reference.openFileDescriptors);
    }

    private static boolean atOrBelow(long value, long reference) {
        return value < 0 || reference < 0 || value <= reference;
    }
}
