package dev.switchyard.loadgen;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.rtp.RtpPacket;
import dev.switchyard.transport.srtp.SrtpSession;

/**
 * The server's per-packet forwarding work without its routing logic: receive an SRTP packet on the one media
 * socket, unprotect it once, and for every subscriber copy it, give it the subscriber's SSRC and sequence
 * number, protect it with the subscriber's own session and send it from the same socket (the server too sends
 * everything through its one media port). Runs on one thread until the socket closes; allocates nothing per
 * packet.
 */
final class BareForwarder implements Runnable {

    /** The first subscriber's SSRC; the others follow. */
    private static final long FIRST_SSRC = 0x5100_0000L;
    /** Each subscriber's numbering starts this far from the previous one's, as rewriters start anywhere. */
    private static final int SEQUENCE_STRIDE = 1000;

    private final DatagramChannel channel;
    private final SrtpSession inbound;
    private final SrtpSession[] outbound;
    private final InetSocketAddress[] destinations;
    private final PacketBuffer incoming = PacketBuffer.allocate();
    private final PacketBuffer outgoing = PacketBuffer.allocate();
    private final ByteBuffer incomingBytes = ByteBuffer.wrap(incoming.buffer());
    private final ByteBuffer outgoingBytes = ByteBuffer.wrap(outgoing.buffer());
    private final RtpPacket rewritten = new RtpPacket();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile String error;

    /**
     * @param channel the bound media socket, blocking; closing it ends {@link #run}
     * @param inbound the publisher's session, as the server holds it
     * @param outbound one session per subscriber, in the order of {@code destinations}
     */
    BareForwarder(DatagramChannel channel, SrtpSession inbound, List<SrtpSession> outbound,
                  List<InetSocketAddress> destinations) {
        if (outbound.size() != destinations.size()) {
            throw new IllegalArgumentException(outbound.size() + " sessions for " + destinations.size()
                    + " subscribers");
        }
        this.channel = channel;
        this.inbound = inbound;
        this.outbound = outbound.toArray(SrtpSession[]::new);
        this.destinations = destinations.toArray(InetSocketAddress[]::new);
    }

    @Override
    public void run() {
        try {
            for (;;) {
                incomingBytes.clear();
                channel.receive(incomingBytes);
                increment(received);
                incoming.setOffsetLength(0, incomingBytes.position());
                if (!inbound.unprotectRtp(incoming)) {
                    increment(rejected);
                    continue;
                }
                for (int i = 0; i < outbound.length; i++) {
                    forwardTo(i);
                }
            }
        } catch (ClosedChannelException e) {
            // The run closed the socket: forwarding is over.
        } catch (IOException e) {
            error = "forwarder: " + e;
        }
    }

    private void forwardTo(int subscriber) throws IOException {
        outgoing.setOffsetLength(0, 0);
        outgoing.copyFrom(incoming.buffer(), incoming.offset(), incoming.length());
        if (!rewritten.wrap(outgoing.buffer(), outgoing.offset(), outgoing.length())) {
            increment(rejected);
            return;
        }
        rewritten.setSsrc(FIRST_SSRC + subscriber);
        rewritten.setSequenceNumber((rewritten.sequenceNumber() + subscriber * SEQUENCE_STRIDE) & 0xFFFF);
        if (!outbound[subscriber].protectRtp(outgoing)) {
            increment(rejected);
            return;
        }
        outgoingBytes.limit(outgoing.offset() + outgoing.length()).position(outgoing.offset());
        channel.send(outgoingBytes, destinations[subscriber]);
        increment(forwarded);
    }

    /** Only the forwarding thread writes the counters: a plain read and an ordered write are enough. */
    private static void increment(AtomicLong counter) {
        counter.lazySet(counter.get() + 1);
    }

    /** Datagrams received from the publisher. */
    long received() {
        return received.get();
    }

    /** Packets sent to subscribers. */
    long forwarded() {
        return forwarded.get();
    }

    /** Packets that failed SRTP or RTP parsing, incoming or outgoing; zero in a sound run. */
    long rejected() {
        return rejected.get();
    }

    /** The error that stopped forwarding before the socket was closed, or null. */
    String error() {
        return error;
    }
}
