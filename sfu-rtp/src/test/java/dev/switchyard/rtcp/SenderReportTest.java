package dev.switchyard.rtcp;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SenderReportTest {

    private final SenderReport view = new SenderReport();

    @Test
    void readsChromeSenderReport() {
        byte[] packet = RtcpVectors.CHROME_SR;
        assertTrue(view.wrap(packet, 0, packet.length));
        assertEquals(0x5d931534L, view.ssrc());
        assertEquals(3711615412L, view.ntpTimestamp() >>> 32);
        assertEquals(1985245553L, view.ntpTimestamp() & 0xFFFF_FFFFL);
        assertEquals(577280, view.rtpTimestamp());
        assertEquals(3608, view.packetCount());
        assertEquals(577280, view.octetCount());
        assertEquals(0, view.reportCount());
        assertFalse(view.reportBlock(0, new ReportBlockView()));
    }

    @Test
    void rewritesChromeSenderReportByteForByte() {
        assertTrue(view.wrap(RtcpVectors.CHROME_SR, 0, RtcpVectors.CHROME_SR.length));
        byte[] written = new byte[SenderReport.FIXED_SIZE];
        int length = SenderReport.write(written, 0, view.ssrc(), view.ntpTimestamp(), view.rtpTimestamp(),
                view.packetCount(), view.octetCount(), List.of());
        assertEquals(28, length);
        assertArrayEquals(RtcpVectors.CHROME_SR, written);
    }

    @Test
    void roundTripsReportBlocks() {
        List<ReportBlock> blocks = List.of(
                new ReportBlock(0xCAFEBABEL, 12, -3, 0x0001_FFFEL, 90, 0xc1b47654L, 0x8000),
                new ReportBlock(0xFFFF_FFFFL, 255, 0x7F_FFFF, 0xFFFF_FFFFL, 0xFFFF_FFFFL, 0, 0xFFFF_FFFFL));
        byte[] buffer = new byte[3 + 28 + 48];
        int length = SenderReport.write(buffer, 3, 0x80000001L, 0xFFFF_FFFF_0000_0001L, 0xFFFF_FFFEL, 7, 1200,
                blocks);
        assertEquals(76, length);
        assertTrue(view.wrap(buffer, 3, length));
        assertEquals(0x80000001L, view.ssrc());
        assertEquals(0xFFFF_FFFF_0000_0001L, view.ntpTimestamp());
        assertEquals(0xFFFF_FFFEL, view.rtpTimestamp());
        assertEquals(2, view.reportCount());
        ReportBlockView block = new ReportBlockView();
        for (int i = 0; i < blocks.size(); i++) {
            assertTrue(view.reportBlock(i, block));
            assertEquals(blocks.get(i), block.toReportBlock());
        }
        assertFalse(view.reportBlock(2, block));
        assertFalse(view.reportBlock(-1, block));
    }

    @Test
    void rejectsTruncatedBlocksAndOtherTypes() {
        byte[] buffer = new byte[52];
        SenderReport.write(buffer, 0, 1, 2, 3, 4, 5, List.of(new ReportBlock(1, 2, 3, 4, 5, 6, 7)));
        buffer[3] = 5; // length field now excludes the block the count announces
        assertFalse(view.wrap(buffer, 0, buffer.length));
        assertFalse(view.wrap(RtcpVectors.FIREFOX_RR, 0, RtcpVectors.FIREFOX_RR.length));
        assertFalse(view.wrap(RtcpVectors.CHROME_SR, 0, 27));
    }

    @Test
    void toleratesProfileSpecificExtensions() {
        byte[] packet = Arrays.copyOf(RtcpVectors.CHROME_SR, 36);
        packet[3] = 8;
        assertTrue(view.wrap(packet, 0, packet.length));
        assertEquals(36, view.packetLength());
    }

    @Test
    void writerRejectsProgrammerErrors() {
        assertThrows(IllegalArgumentException.class,
                () -> SenderReport.write(new byte[27], 0, 1, 2, 3, 4, 5, List.of()));
        List<ReportBlock> tooMany = Collections.nCopies(32, new ReportBlock(1, 2, 3, 4, 5, 6, 7));
        assertThrows(IllegalArgumentException.class,
                () -> SenderReport.write(new byte[2000], 0, 1, 2, 3, 4, 5, tooMany));
    }
}
