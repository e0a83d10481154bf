package dev.switchyard.transport.ice;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.ArrayDeque;

import dev.switchyard.transport.udp.SharedUdpPort;

/**
 * What ice4j's STUN stack sees of the shared port for one remote address: a datagram socket whose
 * {@code receive} yields the STUN messages the media workers received from that address, and whose
 * {@code send} leaves from the shared port. ice4j reads it on its own thread; media never passes through it.
 */
final class RemoteStunSocket extends DatagramSocket {

    /** Connectivity checks come a few at a time; a peer flooding STUN loses its oldest messages. */
    private static final int QUEUE_CAPACITY = 32;
    private static final int MAX_STUN_BYTES = 1500;

    private final SharedUdpPort port;
    private final InetSocketAddress remoteAddress;
    private final SharedPortCandidate candidate;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>(QUEUE_CAPACITY);
    private boolean closed;

    RemoteStunSocket(SharedUdpPort port, InetSocketAddress remoteAddress, SharedPortCandidate candidate)
            throws SocketException {
        super((SocketAddress) null);
        this.port = port;
        this.remoteAddress = remoteAddress;
        this.candidate = candidate;
    }

    /** The ICE session this remote address checks against. */
    SharedPortCandidate candidate() {
        return candidate;
    }

    /** Queues a copy of a received STUN message for ice4j; called on a media worker. */
    void offer(byte[] data, int offset, int length) {
        byte[] copy = new byte[length];
        System.arraycopy(data, offset, copy, 0, length);
        synchronized (queue) {
            if (closed) {
                return;
            }
            if (queue.size() == QUEUE_CAPACITY) {
                queue.pollFirst();
            }
            queue.addLast(copy);
            queue.notifyAll();
        }
    }

    @Override
    public void receive(DatagramPacket packet) throws IOException {
        byte[] message;
        synchronized (queue) {
            while (queue.isEmpty() && !closed) {
                try {
                    queue.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SocketException("interrupted");
                }
            }
            if (closed) {
                throw new SocketException("socket closed");
            }
            message = queue.pollFirst();
        }
        int length = Math.min(message.length, packet.getData().length - packet.getOffset());
        System.arraycopy(message, 0, packet.getData(), packet.getOffset(), length);
        packet.setLength(length);
        packet.setSocketAddress(remoteAddress);
    }

    @Override
    public void send(DatagramPacket packet) throws IOException {
        SocketAddress target = packet.getSocketAddress();
        port.send(packet.getData(), packet.getOffset(), packet.getLength(),
                target instanceof InetSocketAddress address ? address : remoteAddress);
    }

    @Override
    public InetAddress getLocalAddress() {
        return port.localAddress().getAddress();
    }

    @Override
    public int getLocalPort() {
        return port.localAddress().getPort();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return port.localAddress();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return remoteAddress;
    }

    /** The remote address this socket stands for: the same object for as long as the address is claimed. */
    InetSocketAddress remote() {
        return remoteAddress;
    }

    @Override
    public InetAddress getInetAddress() {
        return remoteAddress.getAddress();
    }

    @Override
    public int getPort() {
        return remoteAddress.getPort();
    }

    @Override
    public int getReceiveBufferSize() {
        // ice4j sizes its receive buffer by this; no STUN message of ICE comes near it.
        return MAX_STUN_BYTES;
    }

    @Override
    public boolean isClosed() {
        synchronized (queue) {
            return closed;
        }
    }

    @Override
    public void close() {
        synchronized (queue) {
            closed = true;
            queue.clear();
            queue.notifyAll();
        }
        super.close();
    }
}
