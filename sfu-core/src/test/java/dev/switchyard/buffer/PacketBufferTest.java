package dev.switchyard.buffer;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PacketBufferTest {

    @Test
    void defaultCapacityLeavesRoomForTheLargestSrtpTrailerAfterAFullPacket() {
        PacketBuffer packet = PacketBuffer.allocate();
        packet.copyFrom(new byte[PacketBuffer.MAX_PACKET], 0, PacketBuffer.MAX_PACKET);
        assertEquals(PacketBuffer.MAX_SRTP_TRAILER, packet.tailRoom());
    }

    @Test
    void copyFromKeepsTheOffsetAsHeadRoom() {
        PacketBuffer packet = PacketBuffer.allocate(32);
        packet.setOffsetLength(4, 0);
        packet.copyFrom(new byte[] {9, 1, 2, 3, 9}, 1, 3);
        assertEquals(4, packet.headRoom());
        assertEquals(3, packet.length());
        assertEquals(32 - 7, packet.tailRoom());
        assertArrayEquals(new byte[] {1, 2, 3}, Arrays.copyOfRange(packet.buffer(), 4, 7));
    }

    @Test
    void appendGrowsIntoTailRoomAndShrinkGivesItBack() {
        PacketBuffer packet = PacketBuffer.allocate(8);
        packet.copyFrom(new byte[] {1, 2}, 0, 2);
        packet.append(new byte[] {3, 4, 5}, 2);
        assertEquals(4, packet.getLength());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, Arrays.copyOf(packet.buffer(), 4));
        packet.shrink(3);
        assertEquals(1, packet.length());
        byte[] region = new byte[1];
        packet.readRegionToBuff(0, 1, region);
        assertArrayEquals(new byte[] {1}, region);
    }

    @Test
    void neverReallocatesBeyondItsCapacity() {
        PacketBuffer packet = PacketBuffer.allocate(4);
        packet.copyFrom(new byte[3], 0, 3);
        assertThrows(IllegalStateException.class, () -> packet.grow(2));
        assertThrows(IllegalStateException.class, () -> packet.append(new byte[2], 2));
        assertThrows(IndexOutOfBoundsException.class, () -> packet.copyFrom(new byte[5], 0, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> packet.setOffsetLength(2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> packet.readRegionToBuff(2, 2, new byte[2]));
        assertEquals(3, packet.length());
    }
}
