package dev.switchyard.media;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.rtp.RtpPacket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PacketCacheTest {

    @Test
    void keepsTheLastPacketsBySequenceAndForgetsOverwrittenOnes() {
        PacketCache cache = new PacketCache(100, PacketBuffer.MAX_PACKET);
        assertEquals(128, cache.capacity(), "rounded up to a power of two");
        for (int sequence = 0; sequence < 300; sequence++) {
            cache.store(sequence, MediaTestPackets.rtp(1, sequence, 0, sequence & 0xFF));
        }
        PacketBuffer into = PacketBuffer.allocate();
        assertTrue(cache.copy(299, into));
        RtpPacket packet = new RtpPacket();
        assertTrue(packet.wrap(into.buffer(), into.offset(), into.length()));
        assertEquals(299, packet.sequenceNumber());
        assertTrue(cache.copy(300 - 128, into), "oldest kept");
        assertFalse(cache.copy(300 - 129, into), "overwritten");
        assertFalse(cache.copy(5_000, into), "never stored");
    }

    @Test
    void aReaderRacingTheWriterGetsEitherTheRightPacketOrNothing() throws Exception {
        PacketCache cache = new PacketCache(4, PacketBuffer.MAX_PACKET);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong newest = new AtomicLong(-1);
        Thread writer = new Thread(() -> {
            for (long sequence = 0; !stop.get(); sequence++) {
                cache.store(sequence, MediaTestPackets.rtp(1, (int) sequence & 0xFFFF, sequence, (int) sequence));
                newest.set(sequence);
            }
        });
        writer.start();
        long found = 0;
        long missed = 0;
        PacketBuffer into = PacketBuffer.allocate();
        RtpPacket packet = new RtpPacket();
        try {
            for (int i = 0; i < 200_000; i++) {
                // Ask for one of the four slots the writer is cycling through right now.
                long wanted = Math.max(0, newest.get() - (i & 3));
                if (cache.copy(wanted, into)) {
                    found++;
                    assertTrue(packet.wrap(into.buffer(), into.offset(), into.length()));
                    assertEquals(wanted & 0xFFFF, packet.sequenceNumber());
                    assertEquals(wanted & 0xFFFF_FFFFL, packet.timestamp());
                } else {
                    missed++;
                }
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        assertTrue(found > 0, "the reader found packets while the writer overwrote the slots");
        System.out.println("PacketCache race: " + found + " found, " + missed + " overwritten while read");
    }
}
