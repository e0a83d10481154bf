package dev.switchyard.rtp;

import com.sun.management.ThreadMXBean;
import dev.switchyard.rtp.extension.AbsSendTime;
import dev.switchyard.rtp.extension.AudioLevel;
import dev.switchyard.rtp.extension.SdesIdentifier;
import dev.switchyard.rtp.extension.TransportSequenceNumber;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hot-path contract: parsing, editing and writing packets allocates nothing once objects exist. */
class ZeroAllocationTest {

    private static final int ROUNDS = 100_000;
    /**
     * Slack for the JVM's own background activity (JIT bookkeeping is charged to the thread). Any
     * allocation per round would cost at least 16 bytes per round, hundreds of times more than this.
     */
    private static final long TOLERANCE_BYTES = ROUNDS / 10;

    private final RtpPacket packet = new RtpPacket();
    private final HeaderExtensionCursor cursor = new HeaderExtensionCursor();
    private final RtpPacketWriter writer = new RtpPacketWriter();
    private final SequenceNumberUnwrapper sequenceNumbers = new SequenceNumberUnwrapper();
    private final TimestampUnwrapper timestamps = new TimestampUnwrapper();
    private final byte[] mid = {'0'};
    private final byte[] copy = new byte[16];
    private final byte[] buffer = new byte[256];
    private final byte[] payload = new byte[20];
    private long sink;

    @Test
    void hotPathAllocatesNothing() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        writer.payloadType(111).ssrc(0x9A3B_7C10L).addExtension(4, mid, 0, 1).addExtension(3, copy, 0, 2);
        runRounds(1_000);

        long before = threads.getCurrentThreadAllocatedBytes();
        runRounds(ROUNDS);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertTrue(allocated < TOLERANCE_BYTES, "allocated " + allocated + " bytes");
        assertTrue(sink != 0, "the rounds did real work");
    }

    private void runRounds(int rounds) {
        for (int i = 0; i < rounds; i++) {
            int length = writer.sequenceNumber(i & 0xFFFF).timestamp(i * 960L).payload(payload, 0, payload.length)
                    .write(buffer, 0);
            packet.wrap(buffer, 0, length);
            packet.setSsrc(i);
            packet.setMarker((i & 1) == 0);
            sink += packet.ssrc() + packet.payloadLength() + sequenceNumbers.unwrap(packet.sequenceNumber())
                    + timestamps.unwrap(packet.timestamp());
            cursor.wrap(packet);
            while (cursor.next()) {
                sink += cursor.id() + cursor.valueLength();
            }
            if (cursor.find(3)) {
                sink += TransportSequenceNumber.read(buffer, cursor.valueOffset(), cursor.valueLength())
                        + AbsSendTime.read(buffer, cursor.valueOffset(), cursor.valueLength())
                        + AudioLevel.read(buffer, cursor.valueOffset(), cursor.valueLength());
                cursor.setId(5);
            }
            if (cursor.find(4)) {
                sink += SdesIdentifier.matches(buffer, cursor.valueOffset(), cursor.valueLength(), mid) ? 1 : 0;
                sink += SdesIdentifier.copy(buffer, cursor.valueOffset(), cursor.valueLength(), copy, 0);
                cursor.remove();
            }
        }
    }
}
