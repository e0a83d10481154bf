package dev.switchyard.loadgen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

import dev.switchyard.buffer.PacketBuffer;

/**
 * One daemon thread that reads many UDP sockets through a {@link Selector} and hands each datagram to the
 * socket's receiver. One thread for all sockets, rather than one blocked thread each, because on loopback
 * the kernel charges waking a socket's thread to the sender: a hundred sleeping readers cost the server under
 * test more per packet than one busy reader does (RESULTS.md, "The floor on this machine").
 */
final class DatagramSelector implements AutoCloseable {

    /** Handles one datagram on the selector thread; the bytes are valid only during the call. */
    @FunctionalInterface
    interface Receiver {
        void onDatagram(byte[] data, int offset, int length);
    }

    private static final long JOIN_MILLIS = 1000;

    private final Selector selector;
    private final ByteBuffer buffer = ByteBuffer.allocate(PacketBuffer.DEFAULT_CAPACITY);
    private final Queue<Runnable> registrations = new ConcurrentLinkedQueue<>();
    private final Queue<String> errors = new ConcurrentLinkedQueue<>();
    private final Consumer<SelectionKey> drainer = key -> drain(key);
    /** With busy polling: every socket, read in turn, none of them in the epoll set. */
    private final List<SelectionKey> polled = new ArrayList<>();
    private final Thread thread;
    private final boolean busyPoll;
    private volatile boolean running = true;

    /**
     * @param busyPoll never sleep: read every socket in turn, and yield the core when nothing came. The sockets
     *                 are then in no epoll set, so a server on the same machine is charged neither for waking
     *                 this thread nor for the epoll callback of each delivery, which a remote receiver would cost
     *                 it nothing; the price is this thread's whole core.
     */
    DatagramSelector(String threadName, boolean busyPoll) throws IOException {
        this.busyPoll = busyPoll;
        selector = Selector.open();
        thread = new Thread(this::selectUntilClosed, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts reading a non-blocking channel. Registration happens on the selector thread, since a register call
     * from elsewhere would block until the running select returns.
     */
    void register(DatagramChannel channel, Receiver receiver) throws IOException {
        channel.configureBlocking(false);
        registrations.add(() -> {
            try {
                SelectionKey key = channel.register(selector, busyPoll ? 0 : SelectionKey.OP_READ, receiver);
                if (busyPoll) {
                    polled.add(key);
                }
            } catch (ClosedChannelException e) {
                // Closed before the selector got to it: nothing to read.
            }
        });
        selector.wakeup();
    }

    private void selectUntilClosed() {
        try {
            while (running) {
                Runnable registration;
                while ((registration = registrations.poll()) != null) {
                    registration.run();
                }
                if (!busyPoll) {
                    selector.select(drainer);
                } else if (!pollEverySocket()) {
                    Thread.yield();
                }
            }
        } catch (IOException e) {
            errors.add(thread.getName() + ": " + e);
        }
    }

    /** Reads each socket empty once; returns whether any datagram came. */
    private boolean pollEverySocket() throws IOException {
        boolean received = false;
        boolean cancelled = false;
        for (int i = 0; i < polled.size(); i++) {
            SelectionKey key = polled.get(i);
            if (!key.isValid()) {
                polled.remove(i--);
                cancelled = true;
            } else {
                received |= drain(key);
            }
        }
        if (cancelled) {
            // Only a selection deregisters cancelled keys, and with them closes their channels' descriptors.
            selector.selectNow();
        }
        return received;
    }

    /**
     * Reads the key's socket empty, so that one wake-up serves every datagram that arrived meanwhile; returns
     * whether any datagram came.
     */
    private boolean drain(SelectionKey key) {
        DatagramChannel channel = (DatagramChannel) key.channel();
        Receiver receiver = (Receiver) key.attachment();
        boolean received = false;
        try {
            while (true) {
                buffer.clear();
                if (channel.receive(buffer) == null) {
                    return received;
                }
                received = true;
                try {
                    receiver.onDatagram(buffer.array(), 0, buffer.position());
                } catch (RuntimeException e) {
                    // One receiver's failure must not end the thread that reads every other socket.
                    errors.add(thread.getName() + ": a datagram failed: " + e);
                }
            }
        } catch (ClosedChannelException e) {
            // Its transport closed it while the selector was reading: the end of that socket, not an error.
            key.cancel();
        } catch (IOException e) {
            // A connected UDP socket reports an ICMP port unreachable as an error on the next receive.
            errors.add(thread.getName() + ": " + e);
            key.cancel();
        }
        return received;
    }

    /**
     * Closes a channel read here. A registered channel keeps its descriptor until the selector deregisters it,
     * in its next selection: woken now, it does not wait for the next datagram on any of its sockets.
     */
    void close(DatagramChannel channel) throws IOException {
        try {
            channel.close();
        } finally {
            selector.wakeup();
        }
    }

    Thread thread() {
        return thread;
    }

    /** Errors of the selector or of a socket it read; a socket that failed is no longer read. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        running = false;
        selector.wakeup();
        thread.join(JOIN_MILLIS);
        selector.close();
    }
}
