package dev.switchyard.rtcp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtendedReportTest {

    private final ExtendedReport view = new ExtendedReport();

    /** RFC 3611 §4.5 laid out by hand: a DLRR block answering one RRTR, after an unknown block type. */
    private static final byte[] DLRR_AFTER_UNKNOWN_BLOCK = {
        (byte) 0x80, (byte) 207, 0, 6,              // V=2, PT=XR, 7 words
        0x11, 0x22, 0x33, 0x44,                     // sender SSRC
        (byte) 0x99, 0, 0, 0,                       // an unknown block of one word
        5, 0, 0, 3,                                 // DLRR, one sub-block
        0x00, 0x00, (byte) 0xBE, (byte) 0xEF,       // SSRC_1
        0x12, 0x34, 0x56, 0x78,                     // LRR
        0x00, 0x00, (byte) 0x80, 0x00,              // DLRR: 0.5 s
    };

    @Test
    void readsDelaySinceLastReceiverReportBehindAnotherBlock() {
        assertTrue(view.wrap(DLRR_AFTER_UNKNOWN_BLOCK, 0, DLRR_AFTER_UNKNOWN_BLOCK.length));
        assertEquals(0x11223344L, view.senderSsrc());
        assertTrue(view.nextBlock());
        assertEquals(0x99, view.blockType());
        assertTrue(view.nextBlock());
        assertEquals(ExtendedReport.DELAY_SINCE_LAST_RECEIVER_REPORT, view.blockType());
        assertEquals(1, view.delayItemCount());
        assertEquals(0xBEEFL, view.delayItemSsrc(0));
        assertEquals(0x12345678L, view.lastReceiverReport(0));
        assertEquals(0x8000L, view.delaySinceLastReceiverReport(0));
        assertFalse(view.nextBlock());
    }

    @Test
    void writesDelaySinceLastReceiverReportAsLaidOutByHand() {
        byte[] written = new byte[DLRR_AFTER_UNKNOWN_BLOCK.length - 4];
        int length = ExtendedReport.writeDelaySinceLastReceiverReport(written, 0, 0x11223344L,
                new long[] {0xBEEF}, new long[] {0x12345678L}, new long[] {0x8000}, 1);
        assertEquals(written.length, length);
        byte[] expected = new byte[written.length];
        System.arraycopy(DLRR_AFTER_UNKNOWN_BLOCK, 0, expected, 0, 8);
        System.arraycopy(DLRR_AFTER_UNKNOWN_BLOCK, 12, expected, 8, expected.length - 8);
        expected[3] = 5;
        assertArrayEquals(expected, written);
    }

    @Test
    void roundTripsReceiverReferenceTime() {
        byte[] buffer = new byte[ExtendedReport.RECEIVER_REFERENCE_TIME_PACKET_LENGTH];
        assertEquals(20, ExtendedReport.writeReceiverReferenceTime(buffer, 0, 0xFFFF_FFFEL, 0xE000_0001_8000_0002L));
        assertTrue(view.wrap(buffer, 0, buffer.length));
        assertEquals(0xFFFF_FFFEL, view.senderSsrc());
        assertTrue(view.nextBlock());
        assertEquals(ExtendedReport.RECEIVER_REFERENCE_TIME, view.blockType());
        assertEquals(0xE000_0001_8000_0002L, view.referenceTime());
        assertFalse(view.nextBlock());
    }

    @Test
    void refusesABlockThatRunsPastThePacket() {
        byte[] truncated = DLRR_AFTER_UNKNOWN_BLOCK.clone();
        truncated[15] = 4; // DLRR claims more sub-blocks than the packet holds
        assertFalse(view.wrap(truncated, 0, truncated.length));
        assertFalse(view.wrap(RtcpVectors.FIREFOX_RR, 0, RtcpVectors.FIREFOX_RR.length));
    }

    @Test
    void anEmptyReportHasNoBlocks() {
        byte[] empty = {(byte) 0x80, (byte) 207, 0, 1, 0, 0, 0, 9};
        assertTrue(view.wrap(empty, 0, empty.length));
        assertEquals(9, view.senderSsrc());
        assertFalse(view.nextBlock());
    }
}
