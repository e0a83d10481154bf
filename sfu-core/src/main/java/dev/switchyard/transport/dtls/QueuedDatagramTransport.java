package dev.switchyard.transport.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.TlsTimeoutException;

/**
 * Feeds Bouncy Castle's DTLS record layer from a queue the socket's thread fills, and sends through a
 * {@link DatagramSender}.
 *
 * <p>During the handshake the handshake thread blocks in {@link #receive} as Bouncy Castle expects (its waits
 * drive retransmission), bounded by the handshake deadline. Afterwards no thread may block here: a receive on
 * an empty queue throws {@link Drained}, which Bouncy Castle passes up without failing the connection (it is an
 * {@link InterruptedIOException} but not a timeout).
 */
final class QueuedDatagramTransport implements DatagramTransport {

    /** Thrown by {@link #receive} once non-blocking when no datagram is queued; shared, so carries no stack. */
    static final class Drained extends InterruptedIOException {
        private static final long serialVersionUID = 1L;
        static final Drained INSTANCE = new Drained();

        private Drained() {
            super("no queued datagram");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** Enough for a handshake flight's datagrams arriving while the handshake thread is busy signing. */
    private static final int QUEUE_CAPACITY = 64;
    private static final byte[] WAKE_UP = new byte[0];

    private final ArrayBlockingQueue<byte[]> inbound = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final DatagramSender outbound;
    private final int receiveLimit;
    private final int sendLimit;
    private final Duration handshakeTimeout;
    private volatile long handshakeDeadlineNanos;
    private volatile boolean nonBlocking;
    private volatile boolean closed;

    QueuedDatagramTransport(DatagramSender outbound, int receiveLimit, int sendLimit, Duration handshakeTimeout) {
        this.outbound = outbound;
        this.receiveLimit = receiveLimit;
        this.sendLimit = sendLimit;
        this.handshakeTimeout = handshakeTimeout;
    }

    /** Starts the handshake clock. */
    void startHandshake() {
        handshakeDeadlineNanos = System.nanoTime() + handshakeTimeout.toNanos();
    }

    /** From now on {@link #receive} never blocks. */
    void switchToNonBlocking() {
        nonBlocking = true;
    }

    /** Queues a copy of the datagram; drops it if the queue is full (the peer retransmits). */
    void offer(byte[] buffer, int offset, int length) {
        if (!closed) {
            byte[] copy = new byte[length];
            System.arraycopy(buffer, offset, copy, 0, length);
            inbound.offer(copy);
        }
    }

    boolean hasQueued() {
        return !inbound.isEmpty();
    }

    @Override
    public int getReceiveLimit() {
        return receiveLimit;
    }

    @Override
    public int getSendLimit() {
        return sendLimit;
    }

    @Override
    public int receive(byte[] buffer, int offset, int length, int waitMillis) throws IOException {
        if (closed) {
            throw new IOException("DTLS session closed");
        }
        byte[] datagram = nonBlocking ? inbound.poll() : await(waitMillis);
        if (datagram == null) {
            if (nonBlocking) {
                throw Drained.INSTANCE;
            }
            return -1;
        }
        if (datagram == WAKE_UP) {
            throw new IOException("DTLS session closed");
        }
        int copied = Math.min(length, datagram.length);
        System.arraycopy(datagram, 0, buffer, offset, copied);
        return copied;
    }

    private byte[] await(int waitMillis) throws IOException {
        long remainingNanos = handshakeDeadlineNanos - System.nanoTime();
        if (remainingNanos <= 0) {
            throw new TlsTimeoutException("DTLS handshake did not complete within " + handshakeTimeout);
        }
        try {
            return inbound.poll(Math.min(TimeUnit.MILLISECONDS.toNanos(waitMillis), remainingNanos),
                    TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a DTLS datagram");
        }
    }

    @Override
    public void send(byte[] buffer, int offset, int length) throws IOException {
        outbound.send(buffer, offset, length);
    }

    /** Drops queued datagrams and wakes a handshake thread blocked in {@link #receive}. */
    @Override
    public void close() {
        closed = true;
        inbound.clear();
        inbound.offer(WAKE_UP);
    }
}
