package dev.switchyard.loadgen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;

/** One daemon thread per socket, blocked in {@code receive} like each client transport's reading thread. */
final class ThreadPerSocketReceivers extends DrainingReceivers {

    private final List<Thread> threads = new ArrayList<>();

    ThreadPerSocketReceivers(int count) throws IOException {
        super(count);
    }

    @Override
    void startReading() {
        for (int i = 0; i < count(); i++) {
            int index = i;
            Thread thread = new Thread(() -> readUntilClosed(index), "floor-receiver-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void readUntilClosed(int index) {
        ByteBuffer buffer = ByteBuffer.allocate(DATAGRAM_CAPACITY);
        try {
            for (;;) {
                receive(index, buffer);
            }
        } catch (ClosedChannelException e) {
            // close() ended the run.
        } catch (IOException e) {
            fail(Thread.currentThread().getName(), e);
        }
    }

    @Override
    List<Thread> threads() {
        return List.copyOf(threads);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        super.close();
        for (Thread thread : threads) {
            thread.join(JOIN_MILLIS);
        }
    }
}
