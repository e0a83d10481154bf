package dev.switchyard.loadgen;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The measurement record every synthetic packet carries at a fixed payload offset, after the codec headers a
 * real payload would start with: which stream it belongs to, the sender's own 32-bit count (the server rewrites
 * RTP sequence numbers and SSRCs, so loss is counted on this), and the sender's {@link System#nanoTime()}.
 *
 * <p>Sender and receiver are both inside the load generator's JVM, so {@code nanoTime} is comparable between
 * them and, unlike the wall clock, cannot be stepped by NTP during a run.
 */
final class Probe {

    /** After a VP8 descriptor (1 byte) and a keyframe's 10-byte payload header (RFC 6386 §9.1), or Opus' TOC. */
    static final int OFFSET = 11;
    static final int LENGTH = 16;
    /** The smallest payload that holds a probe. */
    static final int MIN_PAYLOAD = OFFSET + LENGTH;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Probe() {
    }

    static void write(byte[] payload, int streamKey, int count, long sentNanos) {
        INT.set(payload, OFFSET, streamKey);
        INT.set(payload, OFFSET + 4, count);
        LONG.set(payload, OFFSET + 8, sentNanos);
    }

    static int streamKey(byte[] buffer, int payloadOffset) {
        return (int) INT.get(buffer, payloadOffset + OFFSET);
    }

    static int count(byte[] buffer, int payloadOffset) {
        return (int) INT.get(buffer, payloadOffset + OFFSET + 4);
    }

    static long sentNanos(byte[] buffer, int payloadOffset) {
        return (long) LONG.get(buffer, payloadOffset + OFFSET + 8);
    }
}
