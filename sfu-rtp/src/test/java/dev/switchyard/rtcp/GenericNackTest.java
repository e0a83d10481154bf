package dev.switchyard.rtcp;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenericNackTest {

    private final GenericNack view = new GenericNack();

    private List<Integer> lost() {
        List<Integer> lost = new ArrayList<>();
        view.forEachLost(lost::add);
        return lost;
    }

    @Test
    void readsNack() {
        assertTrue(view.wrap(RtcpVectors.NACK, 0, RtcpVectors.NACK.length));
        assertEquals(1, view.senderSsrc());
        assertEquals(0x0330bdeeL, view.mediaSsrc());
        assertEquals(1, view.entryCount());
        assertEquals(2959, view.packetId(0));
        assertEquals(0x0003, view.lostBitmask(0));
        assertEquals(3, view.lostCount());
        assertEquals(List.of(2959, 2960, 2961), lost());
    }

    @Test
    void writesNackByteForByte() {
        byte[] written = new byte[16];
        assertEquals(16, GenericNack.write(written, 0, 1, 0x0330bdeeL, new int[] {2959, 2960, 2961}, 3));
        assertArrayEquals(RtcpVectors.NACK, written);
    }

    @Test
    void packsAcrossSequenceNumberWrapAround() {
        int[] lost = {65534, 65535, 0, 14, 15, 40};
        byte[] buffer = new byte[64];
        int length = GenericNack.write(buffer, 0, 5, 6, lost, lost.length);
        assertEquals(GenericNack.length(lost, lost.length), length);
        assertTrue(view.wrap(buffer, 0, length));
        assertEquals(3, view.entryCount());
        assertEquals(65534, view.packetId(0));
        assertEquals(0x8003, view.lostBitmask(0)); // 65535, 0 and 65534 + 16 = 14
        assertEquals(15, view.packetId(1));
        assertEquals(40, view.packetId(2));
        assertEquals(List.of(65534, 65535, 0, 14, 15, 40), lost());
    }

    @Test
    void roundTripsRandomLossSets() {
        SplittableRandom random = new SplittableRandom(7);
        byte[] buffer = new byte[12 + 4 * 300];
        for (int round = 0; round < 200; round++) {
            TreeSet<Integer> expected = new TreeSet<>();
            int start = random.nextInt(65536);
            int[] lost = new int[random.nextInt(1, 300)];
            int sequence = start;
            for (int i = 0; i < lost.length; i++) {
                sequence += random.nextInt(1, 40);
                lost[i] = sequence & 0xFFFF;
                expected.add(lost[i]);
            }
            int length = GenericNack.write(buffer, 0, 1, 2, lost, lost.length);
            assertTrue(view.wrap(buffer, 0, length));
            assertEquals(expected.size(), view.lostCount());
            assertEquals(expected, new TreeSet<>(lost()));
        }
    }

    @Test
    void duplicatesAndUnorderedInputStayCorrect() {
        int[] lost = {100, 100, 99, 101, 117, 118};
        byte[] buffer = new byte[64];
        int length = GenericNack.write(buffer, 0, 1, 2, lost, lost.length);
        assertTrue(view.wrap(buffer, 0, length));
        assertEquals(new TreeSet<>(List.of(99, 100, 101, 117, 118)), new TreeSet<>(lost()));
    }

    @Test
    void rejectsNackWithoutEntriesOrWithOtherFormat() {
        assertFalse(view.wrap(Hex.bytes("81cd0002 00000001 00000002"), 0, 12));
        byte[] tcc = RtcpVectors.NACK.clone();
        tcc[0] = (byte) 0x8f;
        assertFalse(view.wrap(tcc, 0, tcc.length));
        assertFalse(view.wrap(RtcpVectors.PLI, 0, RtcpVectors.PLI.length));
    }

    @Test
    void writerRejectsProgrammerErrors() {
        assertThrows(IllegalArgumentException.class, () -> GenericNack.write(new byte[64], 0, 1, 2, new int[0], 0));
        assertThrows(IllegalArgumentException.class,
                () -> GenericNack.write(new byte[19], 0, 1, 2, new int[] {1, 100}, 2));
    }
}
