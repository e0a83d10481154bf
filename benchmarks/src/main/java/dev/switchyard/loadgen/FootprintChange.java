package dev.switchyard.loadgen;

/**
 * How the server's footprint moved from one sample to a later one; a figure is null where either sample lacks
 * it.
 */
record FootprintChange(Long threads, Long openFileDescriptors, Long heapUsedBytes) {

    static FootprintChange between(FootprintSample from, FootprintSample to) {
        return new FootprintChange(difference(from.threads(), to.threads()),
                difference(from.openFileDescriptors(), to.openFileDescriptors()),
                difference(from.heapUsedBytes(), to.heapUsedBytes()));
    }

    private static Long difference(long from, long to) {
        return from < 0 || to < 0 ? null : to - from;
    }
}
