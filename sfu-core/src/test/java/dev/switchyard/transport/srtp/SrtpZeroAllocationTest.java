package dev.switchyard.transport.srtp;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.SplittableRandom;

import com.sun.management.ThreadMXBean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.switchyard.buffer.PacketBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hot-path contract: protecting and unprotecting RTP and RTCP of known streams allocates nothing. */
class SrtpZeroAllocationTest {

    private static final int WARM_UP_ROUNDS = 20_000;
    private static final int ROUNDS = 50_000;
    /**
     * Slack for one-off allocations the JVM charges to the thread (JIT bookkeeping, late linkage of a rarely
     * taken path). One allocation per packet would cost at least 64 bytes per round of four packets, over 300
     * times this slack.
     */
    private static final long TOLERANCE_BYTES = ROUNDS / 5;

    private final PacketBuffer packet = PacketBuffer.allocate();
    private final byte[] video = SrtpTestPackets.rtp(0x1111, 0, 1176);
    private final byte[] report = SrtpTestPackets.rtcpReceiverReport(0x2222, 0x1111);

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void protectAndUnprotectAllocateNothingPerPacket(SrtpProfile profile) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        byte[] exported = new byte[profile.exportedKeyingMaterialLength()];
        new SplittableRandom(11).nextBytes(exported);
        SrtpSession sender = new SrtpSession(SrtpKeyingMaterial.fromDtlsExport(profile, exported, true));
        SrtpSession receiver = new SrtpSession(SrtpKeyingMaterial.fromDtlsExport(profile, exported, false));
        runRounds(sender, receiver, 0, WARM_UP_ROUNDS);

        long before = threads.getCurrentThreadAllocatedBytes();
        runRounds(sender, receiver, WARM_UP_ROUNDS, ROUNDS);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertTrue(allocated < TOLERANCE_BYTES, "allocated " + allocated + " bytes in " + ROUNDS + " rounds");
        assertEquals(WARM_UP_ROUNDS + ROUNDS, receiver.stats().rtpUnprotect().packets(), "all round-tripped");
        assertEquals(WARM_UP_ROUNDS + ROUNDS, receiver.stats().rtcpUnprotect().packets());
    }

    private void runRounds(SrtpSession sender, SrtpSession receiver, int first, int rounds) {
        for (int i = first; i < first + rounds; i++) {
            packet.copyFrom(video, 0, video.length);
            packet.buffer()[2] = (byte) (i >>> 8); // sequence number, wrapping: the ROC advances too
            packet.buffer()[3] = (byte) i;
            if (!sender.protectRtp(packet) || !receiver.unprotectRtp(packet) || packet.length() != video.length) {
                throw new AssertionError("RTP round trip failed at " + i);
            }
            packet.copyFrom(report, 0, report.length);
            if (!sender.protectRtcp(packet) || !receiver.unprotectRtcp(packet)
                    || !Arrays.equals(packet.buffer(), 0, report.length, report, 0, report.length)) {
                throw new AssertionError("RTCP round trip failed at " + i);
            }
        }
    }
}
