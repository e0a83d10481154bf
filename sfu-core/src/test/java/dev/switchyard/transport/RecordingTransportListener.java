package dev.switchyard.transport;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import dev.switchyard.buffer.PacketBuffer;

/** Records what a transport reports, checking received test packets as they arrive. */
public final class RecordingTransportListener implements WebRtcTransport.Listener {

    public final CountDownLatch connected = new CountDownLatch(1);
    public final CompletableFuture<String> closed = new CompletableFuture<>();
    public final AtomicLong intactRtp = new AtomicLong();
    public final AtomicLong corruptRtp = new AtomicLong();
    final AtomicLong intactRtcp = new AtomicLong();
    public final BlockingQueue<Integer> rtpSequenceNumbers = new LinkedBlockingQueue<>();
    private final long expectedRemoteSsrc;
    private final int expectedPayloadLength;

    public RecordingTransportListener(long expectedRemoteSsrc, int expectedPayloadLength) {
        this.expectedRemoteSsrc = expectedRemoteSsrc;
        this.expectedPayloadLength = expectedPayloadLength;
    }

    @Override
    public void onConnected(WebRtcTransport transport) {
        connected.countDown();
    }

    @Override
    public void onRtp(WebRtcTransport transport, PacketBuffer packet) {
        int sequenceNumber = TestPackets.rtpSequenceNumber(packet);
        if (TestPackets.isIntactRtp(packet, expectedRemoteSsrc, sequenceNumber, expectedPayloadLength)) {
            intactRtp.incrementAndGet();
            rtpSequenceNumbers.add(sequenceNumber);
        } else {
            corruptRtp.incrementAndGet();
        }
    }

    @Override
    public void onRtcp(WebRtcTransport transport, PacketBuffer packet) {
        if (TestPackets.rtcpAppCounter(packet, expectedRemoteSsrc) >= 0) {
            intactRtcp.incrementAndGet();
        }
    }

    @Override
    public void onClosed(WebRtcTransport transport, String reason) {
        closed.complete(reason);
    }
}
