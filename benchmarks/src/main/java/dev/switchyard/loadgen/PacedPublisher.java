package dev.switchyard.loadgen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import dev.switchyard.benchmarks.ChromiumRtp;
import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.rtp.RtpPacket;
import dev.switchyard.transport.srtp.SrtpSession;

/**
 * Sends a Chromium-shaped {@value ChromiumRtp#VIDEO_LENGTH}-byte VP8 RTP packet, SRTP-protected, at a steady
 * rate with advancing sequence numbers, until stopped. A late wake-up is made up with a burst, so the average
 * rate holds.
 */
final class PacedPublisher implements Runnable {

    private final DatagramChannel channel;
    private final SrtpSession session;
    private final long intervalNanos;
    private final byte[] cleartext = new byte[ChromiumRtp.VIDEO_LENGTH];
    private final int cleartextLength;
    private final PacketBuffer packet = PacketBuffer.allocate();
    private final ByteBuffer packetBytes = ByteBuffer.wrap(packet.buffer());
    private final RtpPacket header = new RtpPacket();
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean running = true;
    private volatile String error;

    /** @param channel connected to the forwarder's socket */
    PacedPublisher(DatagramChannel channel, SrtpSession session, int packetsPerSecond) {
        this.channel = channel;
        this.session = session;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / packetsPerSecond;
        this.cleartextLength = ChromiumRtp.writeVideo(cleartext, 0, 0);
    }

    @Override
    public void run() {
        long due = System.nanoTime();
        try {
            while (running) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                    continue;
                }
                sendNext();
                due += intervalNanos;
            }
        } catch (ClosedChannelException e) {
            // The run closed the socket.
        } catch (IOException e) {
            error = "publisher: " + e;
        }
    }

    private void sendNext() throws IOException {
        packet.setOffsetLength(0, 0);
        packet.copyFrom(cleartext, 0, cleartextLength);
        if (!header.wrap(packet.buffer(), packet.offset(), packet.length())) {
            throw new IllegalStateException("the template packet is not RTP");
        }
        long count = sent.get();
        header.setSequenceNumber((int) (count & 0xFFFF));
        if (!session.protectRtp(packet)) {
            throw new IllegalStateException("SRTP refused packet " + count + ": " + session.stats().rtpProtect());
        }
        packetBytes.limit(packet.offset() + packet.length()).position(packet.offset());
        channel.write(packetBytes);
        sent.lazySet(count + 1);
    }

    /** Ends {@link #run} after the packet in progress. */
    void stop() {
        running = false;
    }

    long sent() {
        return sent.get();
    }

    /** The error that stopped sending early, or null. */
    String error() {
        return error;
    }
}
