package dev.switchyard.transport.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One media thread with its own socket on the shared port: it receives every datagram the kernel steers to that
 * socket (a remote 5-tuple always reaches the same worker) and runs the whole receive path for it on this
 * thread. Receiving allocates nothing per datagram: one direct buffer and one array are reused.
 *
 * <p>A datagram whose handling throws is dropped and counted; the worker goes on with the next one.
 */
public final class MediaWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MediaWorker.class);
    private static final ThreadLocal<MediaWorker> CURRENT = new ThreadLocal<>();

    private final int index;
    private final DatagramChannel channel;
    private final ByteBuffer incoming = ByteBuffer.allocateDirect(SharedUdpPort.MAX_DATAGRAM);
    private final byte[] received = new byte[SharedUdpPort.MAX_DATAGRAM];
    private final ByteBuffer outgoing = ByteBuffer.allocateDirect(SharedUdpPort.MAX_DATAGRAM);
    /** Created once: a lambda evaluated in the loop would allocate on every wake-up. */
    private final Consumer<SelectionKey> markReadable = ready -> readable = true;
    private boolean readable;
    private SelectionKey key;
    private final AtomicLong datagramsReceived = new AtomicLong();
    /** Written by this worker's thread only: a plain store suffices (lazySet), no atomic add per datagram. */
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong datagramsSent = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong droppedOversized = new AtomicLong();
    private final AtomicLong droppedFailed = new AtomicLong();
    private volatile boolean closed;
    private volatile Selector selector;
    private DatagramHandler handler;
    private Runnable beforeWait = () -> { };
    private Runnable afterWakeup = () -> { };
    private Thread thread;

    /** @param channel a bound, non-blocking channel that this worker owns from now on */
    MediaWorker(int index, DatagramChannel channel) {
        this.index = index;
        this.channel = channel;
    }

    /** The worker whose thread is calling, or null on any other thread. */
    public static MediaWorker current() {
        return CURRENT.get();
    }

    /**
     * Work other threads hand to this worker: {@code afterWakeup} runs on the worker's thread when it starts and
     * after every wake-up (datagrams or {@link #wakeup}); {@code beforeWait} just before it waits for the next
     * datagram, so that a hand-over arriving from then on calls {@link #wakeup}. Set before the port starts.
     */
    public void setHandOverHooks(Runnable beforeWait, Runnable afterWakeup) {
        this.beforeWait = beforeWait;
        this.afterWakeup = afterWakeup;
    }

    /** Makes the worker run its after-wake-up task soon, even if no datagram arrives. Any thread. */
    public void wakeup() {
        Selector current = selector;
        if (current != null) {
            current.wakeup();
        }
    }

    void start(DatagramHandler handler) throws IOException {
        this.handler = handler;
        selector = Selector.open();
        key = channel.register(selector, 0);
        thread = new Thread(this::run, "media-worker-" + index);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        CURRENT.set(this);
        try (Selector owned = selector) {
            runAfterWakeup();
            while (!closed) {
                beforeWait.run();
                readable = false;
                waitForWork(owned);
                if (readable) {
                    drain();
                }
                runAfterWakeup();
            }
        } catch (ClosedSelectorException | CancelledKeyException e) {
            // Closed while waiting: the worker ends.
        } catch (IOException e) {
            if (!closed) {
                LOG.error("media worker {} stopped: {}", index, e.toString());
            }
        }
    }

    /**
     * Waits until the socket is readable or {@link #wakeup} is called. The socket is in the epoll set only while
     * the worker waits: a socket that stays registered runs the epoll wake-up callback each time one of its sent
     * datagrams is freed, which on loopback doubled the cost of every send. Adding and removing it costs three
     * system calls per wake-up (two epoll_ctl and a non-blocking epoll_wait), against one callback per datagram
     * sent.
     */
    private void waitForWork(Selector owned) throws IOException {
        key.interestOps(SelectionKey.OP_READ);
        owned.select(markReadable);
        key.interestOps(0);
        owned.selectNow(markReadable);
    }

    private void runAfterWakeup() {
        try {
            afterWakeup.run();
        } catch (RuntimeException e) {
            droppedFailed.incrementAndGet();
            LOG.debug("media worker {}: a handed-over task failed", index, e);
        }
    }

    /** Receives every datagram waiting on the socket (the socket is non-blocking, so sends never stall). */
    private void drain() {
        while (!closed) {
            SocketAddress from;
            try {
                incoming.clear();
                from = channel.receive(incoming);
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("media worker {} failed to receive: {}", index, e.toString());
                }
                return;
            }
            if (from == null) {
                return;
            }
            int length = incoming.flip().remaining();
            if (length == incoming.capacity()) {
                // The kernel truncated a datagram larger than any WebRTC packet.
                droppedOversized.incrementAndGet();
                continue;
            }
            incoming.get(received, 0, length);
            datagramsReceived.incrementAndGet();
            bytesReceived.lazySet(bytesReceived.get() + length);
            try {
                handler.onDatagram(received, 0, length, (InetSocketAddress) from);
            } catch (RuntimeException e) {
                droppedFailed.incrementAndGet();
                LOG.debug("media worker {} dropped a datagram from {} that failed", index, from, e);
            }
        }
    }

    /** Sends from this worker's socket; only called on this worker's thread. */
    boolean send(byte[] data, int offset, int length, InetSocketAddress target) throws IOException {
        boolean sent = sendFrom(outgoing, data, offset, length, target);
        if (sent) {
            datagramsSent.lazySet(datagramsSent.get() + 1);
            bytesSent.lazySet(bytesSent.get() + length);
        }
        return sent;
    }

    /** Sends through {@code buffer}, which the calling thread owns, from this worker's socket. */
    boolean sendFrom(ByteBuffer buffer, byte[] data, int offset, int length, InetSocketAddress target)
            throws IOException {
        if (length > SharedUdpPort.MAX_DATAGRAM) {
            throw new IOException("datagram of " + length + " bytes exceeds " + SharedUdpPort.MAX_DATAGRAM);
        }
        buffer.clear();
        buffer.put(data, offset, length).flip();
        return channel.send(buffer, target) == length;
    }

    public int index() {
        return index;
    }

    public long datagramsReceived() {
        return datagramsReceived.get();
    }

    public long bytesReceived() {
        return bytesReceived.get();
    }

    /** Datagrams this worker's thread sent (other threads' sends are counted by {@link SharedUdpPort}). */
    public long datagramsSent() {
        return datagramsSent.get();
    }

    public long bytesSent() {
        return bytesSent.get();
    }

    /** Datagrams dropped because handling them threw. */
    public long droppedFailed() {
        return droppedFailed.get();
    }

    /** Datagrams dropped because they were larger than any WebRTC packet. */
    public long droppedOversized() {
        return droppedOversized.get();
    }

    @Override
    public void close() {
        closed = true;
        if (selector != null) {
            selector.wakeup();
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a datagram channel releases the port; there is nothing left to report it to.
        }
        Thread running = thread;
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
