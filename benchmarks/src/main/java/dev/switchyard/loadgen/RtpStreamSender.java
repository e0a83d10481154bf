package dev.switchyard.loadgen;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.rtp.RtpPacketWriter;
import dev.switchyard.transport.WebRtcTransport;

/**
 * Writes one synthetic RTP stream onto a transport: the source fills {@link #payload()}, this stamps the
 * {@link Probe}, adds the RTP header and sends. Reuses one buffer; called only from the pacing thread.
 */
final class RtpStreamSender {

    /** What fits one packet with room for the RTP header and the SRTP trailer inside {@link PacketBuffer}. */
    static final int MAX_PAYLOAD = 1200;

    private final WebRtcTransport transport;
    private final int payloadType;
    private final long ssrc;
    private final int streamKey;
    private final RtpPacketWriter writer = new RtpPacketWriter();
    private final PacketBuffer packet = PacketBuffer.allocate();
    private final byte[] payload = new byte[MAX_PAYLOAD];
    private int sequenceNumber;
    private volatile int sent;
    private volatile long sentBytes;

    RtpStreamSender(WebRtcTransport transport, int payloadType, long ssrc, int streamKey, int firstSequence) {
        this.transport = transport;
        this.payloadType = payloadType;
        this.ssrc = ssrc;
        this.streamKey = streamKey;
        this.sequenceNumber = firstSequence;
    }

    /** The scratch payload the source writes into before {@link #send}. */
    byte[] payload() {
        return payload;
    }

    /** Sends the first {@code payloadLength} payload bytes, at least {@link Probe#MIN_PAYLOAD}. */
    void send(int payloadLength, long rtpTimestamp, boolean marker) {
        Probe.write(payload, streamKey, sent, System.nanoTime());
        writer.reset().payloadType(payloadType).marker(marker).sequenceNumber(sequenceNumber & 0xFFFF)
                .timestamp(rtpTimestamp).ssrc(ssrc).payload(payload, 0, payloadLength);
        int length = writer.write(packet.buffer(), 0);
        packet.setOffsetLength(0, length);
        sequenceNumber++;
        // A failed send (transport closing) still uses up its count: receivers see it as lost, which it is.
        sent++;
        if (transport.sendRtp(packet)) {
            sentBytes += length;
        }
    }

    /** Packets sent so far; the next packet's probe count. */
    int sentPackets() {
        return sent;
    }

    /** RTP bytes (header and payload, before SRTP) handed to the transport. */
    long sentBytes() {
        return sentBytes;
    }
}
