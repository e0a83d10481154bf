package dev.switchyard.loadgen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.List;
import java.util.function.Consumer;

/** One daemon thread reading every socket through a {@link Selector}, as an event-loop client would. */
final class SelectorReceivers extends DrainingReceivers {

    private static final String NAME = "floor-receivers-selector";

    private final Selector selector;
    private final ByteBuffer buffer = ByteBuffer.allocate(DATAGRAM_CAPACITY);
    private final Consumer<SelectionKey> drainer = this::drain;
    private final Thread thread = new Thread(this::selectUntilClosed, NAME);
    private volatile boolean running = true;

    SelectorReceivers(int count) throws IOException {
        super(count);
        selector = Selector.open();
    }

    @Override
    void startReading() throws IOException {
        for (int i = 0; i < count(); i++) {
            channel(i).configureBlocking(false);
            channel(i).register(selector, SelectionKey.OP_READ, i);
        }
        thread.setDaemon(true);
        thread.start();
    }

    private void selectUntilClosed() {
        try {
            while (running) {
                selector.select(drainer);
            }
        } catch (IOException e) {
            fail(NAME, e);
        }
    }

    /** Reads the key's socket empty, so that one wake-up serves every datagram that arrived meanwhile. */
    private void drain(SelectionKey key) {
        int index = (Integer) key.attachment();
        try {
            while (receive(index, buffer)) {
                // Until no datagram is waiting.
            }
        } catch (IOException e) {
            fail(NAME, e);
            key.cancel();
        }
    }

    @Override
    List<Thread> threads() {
        return List.of(thread);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        running = false;
        selector.wakeup();
        thread.join(JOIN_MILLIS);
        selector.close();
        super.close();
    }
}
