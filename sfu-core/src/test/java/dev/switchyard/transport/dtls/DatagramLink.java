package dev.switchyard.transport.dtls;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;


/**
 * One direction of an in-memory network between two {@link DtlsSession}s: delivers each datagram
 * asynchronously, in order, on its own thread (as a socket's receive loop would), unless a filter drops it.
 * Records everything sent.
 */
final class DatagramLink implements DatagramSender, AutoCloseable {

    /** Decides by the datagram's index (0-based) and bytes whether to drop it. */
    private final BiPredicate<Integer, byte[]> drop;
    private final ExecutorService deliverer = Executors.newSingleThreadExecutor();
    private final List<byte[]> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile DtlsSession target;

    DatagramLink(BiPredicate<Integer, byte[]> drop) {
        this.drop = drop;
    }

    static DatagramLink lossless() {
        return new DatagramLink((index, datagram) -> false);
    }

    void connectTo(DtlsSession target) {
        this.target = target;
    }

    @Override
    public void send(byte[] buffer, int offset, int length) {
        byte[] datagram = new byte[length];
        System.arraycopy(buffer, offset, datagram, 0, length);
        sent.add(datagram);
        if (!drop.test(count.getAndIncrement(), datagram)) {
            deliverer.execute(() -> target.receive(datagram, 0, datagram.length));
        }
    }

    /** Delivers bytes as if the network had carried them, bypassing the filter. */
    void inject(byte[] datagram) {
        deliverer.execute(() -> target.receive(datagram, 0, datagram.length));
    }

    /** Waits until everything handed over so far has been delivered. */
    void flush() throws Exception {
        deliverer.submit(() -> { }).get(20, TimeUnit.SECONDS);
    }

    List<byte[]> sent() {
        return sent;
    }

    @Override
    public void close() {
        deliverer.shutdownNow();
    }
}
