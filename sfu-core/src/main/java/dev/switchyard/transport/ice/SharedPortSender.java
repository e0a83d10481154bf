package dev.switchyard.transport.ice;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * Sends datagrams from the server's shared UDP media port without going through ice4j's per-packet send path,
 * which allocates a packet, an address and a pair lookup for every datagram and serialises senders on a socket
 * pool.
 *
 * <p>It is a second socket bound to the same address with {@code SO_REUSEADDR}, as ice4j's own send pool is:
 * Linux delivers unicast datagrams to the socket bound last, so binding this one before ice4j's harvester leaves
 * every received datagram, STUN or media, to ice4j. The channel is non-blocking: a full send buffer drops the
 * datagram (as a router does) instead of stalling the media thread.
 */
final class SharedPortSender implements AutoCloseable {

    private static final int MAX_DATAGRAM = 2048;

    private final DatagramChannel channel;
    /** The JDK copies a heap buffer into a direct one before every send anyway; one per sending thread. */
    private final ThreadLocal<ByteBuffer> outgoing = ThreadLocal.withInitial(
            () -> ByteBuffer.allocateDirect(MAX_DATAGRAM));

    private SharedPortSender(DatagramChannel channel) {
        this.channel = channel;
    }

    /** Binds to {@code address}; port 0 picks a free port, which the harvester then shares. */
    static SharedPortSender bind(InetSocketAddress address) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(address);
            channel.configureBlocking(false);
            return new SharedPortSender(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The bound address, with the port chosen when 0 was asked for. */
    InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    /**
     * Sends {@code data[offset, offset + length)} to {@code target}.
     *
     * @return false if the datagram was dropped because the socket's send buffer is full
     * @throws IOException if the socket failed or {@code length} exceeds the largest datagram sent here
     */
    boolean send(byte[] data, int offset, int length, InetSocketAddress target) throws IOException {
        if (length > MAX_DATAGRAM) {
            throw new IOException("datagram of " + length + " bytes exceeds " + MAX_DATAGRAM);
        }
        ByteBuffer out = outgoing.get();
        out.clear();
        out.put(data, offset, length).flip();
        return channel.send(out, target) == length;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a datagram channel releases the port; there is nothing left to report it to.
        }
    }
}
