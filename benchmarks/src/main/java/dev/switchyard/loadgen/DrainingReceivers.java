package dev.switchyard.loadgen;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLongArray;

import dev.switchyard.buffer.PacketBuffer;

/**
 * The subscribers' ends of a {@link LoopbackForwardingFloor} run: UDP sockets on 127.0.0.1 that read and count
 * every datagram and decrypt nothing, so that what the forwarder pays for is its own work and the kernel's.
 * Subclasses decide which threads read; {@link #close} stops them.
 */
abstract class DrainingReceivers implements AutoCloseable {

    /** Room for any datagram the forwarder sends: a full-size packet with the longest SRTP trailer. */
    static final int DATAGRAM_CAPACITY = PacketBuffer.DEFAULT_CAPACITY;
    /** How long {@link #close} waits for a reading thread to notice. */
    static final long JOIN_MILLIS = 1000;

    private final List<DatagramChannel> channels;
    private final List<InetSocketAddress> addresses;
    private final AtomicLongArray received;
    private final Queue<String> errors = new ConcurrentLinkedQueue<>();

    DrainingReceivers(int count) throws IOException {
        List<DatagramChannel> opened = new ArrayList<>(count);
        List<InetSocketAddress> bound = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                DatagramChannel channel = DatagramChannel.open();
                opened.add(channel);
                channel.bind(new InetSocketAddress(LoopbackForwardingFloor.LOOPBACK, 0));
                bound.add((InetSocketAddress) channel.getLocalAddress());
            }
        } catch (IOException e) {
            closeAll(opened);
            throw e;
        }
        channels = List.copyOf(opened);
        addresses = List.copyOf(bound);
        received = new AtomicLongArray(count);
    }

    /** Opens {@code count} sockets and starts reading them as {@code arrangement} says. */
    static DrainingReceivers start(ReceiverArrangement arrangement, int count) throws IOException {
        DrainingReceivers receivers = switch (arrangement) {
            case THREADS -> new ThreadPerSocketReceivers(count);
            case SELECTOR -> new SelectorReceivers(count);
        };
        receivers.startReading();
        return receivers;
    }

    abstract void startReading() throws IOException;

    /** The threads that read, for their CPU time; alive from {@link #startReading} to {@link #close}. */
    abstract List<Thread> threads();

    /** Where each subscriber receives, by subscriber index. */
    final List<InetSocketAddress> addresses() {
        return addresses;
    }

    final int count() {
        return channels.size();
    }

    final DatagramChannel channel(int index) {
        return channels.get(index);
    }

    /** Datagrams every socket received so far. */
    final long received() {
        long total = 0;
        for (int i = 0; i < received.length(); i++) {
            total += received.get(i);
        }
        return total;
    }

    /** Errors other than the closing of the sockets at the end of the run. */
    final List<String> errors() {
        List<String> all = new ArrayList<>(errors);
        all.addAll(readerErrors());
        return all;
    }

    /** Errors the reading threads keep themselves. */
    List<String> readerErrors() {
        return List.of();
    }

    /** Waits for one datagram on blocking socket {@code index}, receives it into {@code buffer} and counts it. */
    final void receive(int index, ByteBuffer buffer) throws IOException {
        buffer.clear();
        channels.get(index).receive(buffer);
        counted(index);
    }

    /** Counts a datagram socket {@code index} received. */
    final void counted(int index) {
        // One thread reads each socket: a plain read and an ordered write are enough for the run to see counts.
        received.lazySet(index, received.get(index) + 1);
    }

    final void fail(String reader, IOException e) {
        errors.add(reader + ": " + e);
    }

    /** Closes the sockets, which ends any blocked read; subclasses then wait for their threads. */
    @Override
    public void close() throws IOException, InterruptedException {
        closeAll(channels);
    }

    private static void closeAll(List<DatagramChannel> channels) throws IOException {
        IOException first = null;
        for (DatagramChannel channel : channels) {
            try {
                channel.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
