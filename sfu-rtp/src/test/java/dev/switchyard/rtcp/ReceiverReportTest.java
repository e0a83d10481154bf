package dev.switchyard.rtcp;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReceiverReportTest {

    private final ReceiverReport view = new ReceiverReport();
    private final ReportBlockView block = new ReportBlockView();

    @Test
    void readsFirefoxReceiverReport() {
        assertTrue(view.wrap(RtcpVectors.FIREFOX_RR, 0, RtcpVectors.FIREFOX_RR.length));
        assertEquals(0x902f9e2eL, view.ssrc());
        assertEquals(1, view.reportCount());
        assertTrue(view.reportBlock(0, block));
        assertEquals(0xbc5e9a40L, block.ssrc());
        assertEquals(0, block.fractionLost());
        assertEquals(0, block.cumulativeLost());
        assertEquals(0x46e1, block.extendedHighestSequence());
        assertEquals(273, block.jitter());
        assertEquals(0x9f36432, block.lastSenderReport());
        assertEquals(150137, block.delaySinceLastSenderReport());
    }

    @Test
    void rewritesFirefoxReceiverReportByteForByte() {
        assertTrue(view.wrap(RtcpVectors.FIREFOX_RR, 0, RtcpVectors.FIREFOX_RR.length));
        view.reportBlock(0, block);
        byte[] written = new byte[32];
        assertEquals(32, ReceiverReport.write(written, 0, view.ssrc(), List.of(block.toReportBlock())));
        assertArrayEquals(RtcpVectors.FIREFOX_RR, written);
    }

    @Test
    void cumulativeLostIsSigned() {
        byte[] buffer = new byte[32];
        ReceiverReport.write(buffer, 0, 9, List.of(new ReportBlock(1, 0, -8_388_608, 0, 0, 0, 0)));
        assertTrue(view.wrap(buffer, 0, buffer.length));
        view.reportBlock(0, block);
        assertEquals(-8_388_608, block.cumulativeLost());
    }

    @Test
    void emptyReceiverReportRoundTrips() {
        byte[] buffer = new byte[8];
        assertEquals(8, ReceiverReport.write(buffer, 0, 0xABCDEF01L, List.of()));
        assertArrayEquals(Hex.bytes("80c90001 abcdef01"), buffer);
        assertTrue(view.wrap(buffer, 0, 8));
        assertEquals(0, view.reportCount());
    }

    @Test
    void rejectsTooShortForItsCount() {
        byte[] packet = RtcpVectors.FIREFOX_RR.clone();
        packet[0] = (byte) 0x82;
        assertFalse(view.wrap(packet, 0, packet.length));
        assertThrows(IllegalArgumentException.class,
                () -> ReceiverReport.write(new byte[31], 0, 1, List.of(new ReportBlock(1, 2, 3, 4, 5, 6, 7))));
    }
}
