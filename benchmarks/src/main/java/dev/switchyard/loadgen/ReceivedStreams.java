package dev.switchyard.loadgen;

import java.util.Arrays;

/**
 * Which {@link Probe} stream each SSRC a subscriber receives carries. The server chooses the SSRCs it sends, so
 * the mapping is learned from the first decrypted packet of each SSRC; after that the clear-text header alone
 * says which stream a packet belongs to. A subscriber receives a few dozen streams at most, so a linear search
 * over two arrays beats hashing boxed keys.
 */
final class ReceivedStreams {

    /** The answer of {@link #streamKey} for an SSRC not seen yet. */
    static final int UNKNOWN = -1;
    private static final int INITIAL_CAPACITY = 8;

    private long[] ssrcs = new long[INITIAL_CAPACITY];
    private int[] streamKeys = new int[INITIAL_CAPACITY];
    private int size;

    int streamKey(long ssrc) {
        for (int i = 0; i < size; i++) {
            if (ssrcs[i] == ssrc) {
                return streamKeys[i];
            }
        }
        return UNKNOWN;
    }

    void learn(long ssrc, int streamKey) {
        if (size == ssrcs.length) {
            ssrcs = Arrays.copyOf(ssrcs, 2 * size);
            streamKeys = Arrays.copyOf(streamKeys, 2 * size);
        }
        ssrcs[size] = ssrc;
        streamKeys[size] = streamKey;
        size++;
    }
}
