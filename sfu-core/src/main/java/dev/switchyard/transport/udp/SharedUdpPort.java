package dev.switchyard.transport.udp;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's one UDP media port, owned by Switchyard: every participant's ICE, DTLS, SRTP and SRTCP arrives
 * here and leaves from here. Each {@link MediaWorker} has its own socket on the port and its own thread.
 *
 * <p>Nobody else may receive on the port. With one worker the socket is bound exclusively (no reuse option), so
 * a second process cannot bind the port at all. With several, the workers' sockets share the port through
 * {@code SO_REUSEPORT}, which Linux grants only to sockets of the same user that all ask for it (never to a
 * {@code SO_REUSEADDR} socket), and which keeps each remote 5-tuple on one worker; a probe bound without any
 * option first makes sure no other process holds the port, so a second server fails to start instead of
 * silently taking part of the traffic.
 */
public final class SharedUdpPort implements AutoCloseable {

    /** The largest datagram received or sent; anything larger is no WebRTC packet (RFC 8083 keeps media < MTU). */
    static final int MAX_DATAGRAM = 2048;

    private final InetSocketAddress localAddress;
    private final List<MediaWorker> workers;
    /** Sends of threads that are no worker (DTLS handshakes, timers): several threads, so atomic adds. */
    private final AtomicLong datagramsSentByOthers = new AtomicLong();
    private final AtomicLong bytesSentByOthers = new AtomicLong();
    /** Threads that are no worker (DTLS handshakes, timers, signaling) send from the first worker's socket. */
    private final ThreadLocal<ByteBuffer> outgoing = ThreadLocal.withInitial(
            () -> ByteBuffer.allocateDirect(MAX_DATAGRAM));

    private SharedUdpPort(InetSocketAddress localAddress, List<MediaWorker> workers) {
        this.localAddress = localAddress;
        this.workers = workers;
    }

    /**
     * Binds the port; no worker runs until {@link #start}.
     *
     * @param address a concrete local address (not the wildcard: candidates must name a reachable address) and a
     *                port, 0 to pick a free one
     * @param workerCount number of media workers, each with a socket and a thread
     * @param receiveBufferBytes SO_RCVBUF per socket; the OS default drops packets in bursts
     * @throws BindException naming the address and port when it is in use or cannot be bound
     */
    public static SharedUdpPort bind(InetSocketAddress address, int workerCount, int receiveBufferBytes)
            throws IOException {
        Objects.requireNonNull(address, "address");
        if (workerCount < 1) {
            throw new IllegalArgumentException("workerCount must be at least 1: " + workerCount);
        }
        InetAddress host = address.getAddress();
        if (host == null || host.isAnyLocalAddress() || host.isMulticastAddress()) {
            throw new IllegalArgumentException("the media address must be one of this machine's unicast addresses,"
                    + " not " + (host == null ? address.getHostString() : host.getHostAddress())
                    + ": it is announced to clients as is");
        }
        List<DatagramChannel> channels = new ArrayList<>(workerCount);
        try {
            InetSocketAddress bound = address;
            if (workerCount == 1) {
                channels.add(open(bound, false, receiveBufferBytes));
            } else {
                bound = probeExclusively(address);
                for (int i = 0; i < workerCount; i++) {
                    channels.add(open(bound, true, receiveBufferBytes));
                }
            }
            bound = (InetSocketAddress) channels.get(0).getLocalAddress();
            List<MediaWorker> workers = new ArrayList<>(workerCount);
            for (int i = 0; i < workerCount; i++) {
                workers.add(new MediaWorker(i, channels.get(i)));
            }
            return new SharedUdpPort(bound, List.copyOf(workers));
        } catch (IOException | RuntimeException e) {
            for (DatagramChannel channel : channels) {
                channel.close();
            }
            throw e;
        }
    }

    /** Binds and releases the address without any reuse option: fails if any socket holds the port. */
    private static InetSocketAddress probeExclusively(InetSocketAddress address) throws IOException {
        try (DatagramChannel probe = DatagramChannel.open(familyOf(address))) {
            bindOrExplain(probe, address);
            return (InetSocketAddress) probe.getLocalAddress();
        }
    }

    /**
     * The address's own family: an IPv4 address on a dual-stack socket would send every datagram through the IPv6
     * stack's v4-mapped path, which costs more per packet than a plain IPv4 socket.
     */
    private static ProtocolFamily familyOf(InetSocketAddress address) {
        return address.getAddress() instanceof Inet4Address
                ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
    }

    private static DatagramChannel open(InetSocketAddress address, boolean shared, int receiveBufferBytes)
            throws IOException {
        DatagramChannel channel = DatagramChannel.open(familyOf(address));
        try {
            if (shared) {
                channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferBytes);
            bindOrExplain(channel, address);
            channel.configureBlocking(false);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static void bindOrExplain(DatagramChannel channel, InetSocketAddress address) throws IOException {
        try {
            channel.bind(address);
        } catch (IOException e) {
            BindException named = new BindException("cannot bind the UDP media port "
                    + address.getAddress().getHostAddress() + ":" + address.getPort() + ": " + e.getMessage()
                    + (e instanceof BindException ? " (is another server using it?)" : ""));
            named.initCause(e);
            throw named;
        }
    }

    /** Starts every worker; each hands what it receives to {@code handler} on its own thread. */
    public void start(DatagramHandler handler) throws IOException {
        Objects.requireNonNull(handler, "handler");
        for (MediaWorker worker : workers) {
            worker.start(handler);
        }
    }

    /** The bound address, with the chosen port when 0 was asked for. */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** The workers, in index order. */
    public List<MediaWorker> workers() {
        return workers;
    }

    /**
     * Sends {@code data[offset, offset + length)} to {@code target} from the port: a worker sends from its own
     * socket, any other thread from the first worker's.
     *
     * @return false if the datagram was dropped because the socket's send buffer is full
     * @throws IOException if the socket failed or {@code length} exceeds the largest datagram sent here
     */
    public boolean send(byte[] data, int offset, int length, InetSocketAddress target) throws IOException {
        MediaWorker current = MediaWorker.current();
        if (current != null && workers.contains(current)) {
            return current.send(data, offset, length, target);
        }
        boolean sent = workers.get(0).sendFrom(outgoing.get(), data, offset, length, target);
        if (sent) {
            datagramsSentByOthers.incrementAndGet();
            bytesSentByOthers.addAndGet(length);
        }
        return sent;
    }

    /** Datagrams sent from the port, by workers and other threads. */
    public long datagramsSent() {
        return datagramsSentByOthers.get() + workers.stream().mapToLong(MediaWorker::datagramsSent).sum();
    }

    public long bytesSent() {
        return bytesSentByOthers.get() + workers.stream().mapToLong(MediaWorker::bytesSent).sum();
    }

    /** Stops the workers and releases the port. */
    @Override
    public void close() {
        for (MediaWorker worker : workers) {
            worker.close();
        }
    }
}
