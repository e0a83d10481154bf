package dev.switchyard.loadgen;

import java.io.IOException;
import java.util.List;

/** One {@link DatagramSelector} thread reading every socket, as an event-loop client would. */
final class SelectorReceivers extends DrainingReceivers {

    private final DatagramSelector selector;

    SelectorReceivers(int count) throws IOException {
        super(count);
        selector = new DatagramSelector("floor-receivers-selector", false);
    }

    @Override
    void startReading() throws IOException {
        for (int i = 0; i < count(); i++) {
            int index = i;
            selector.register(channel(i), (data, offset, length) -> counted(index));
        }
    }

    @Override
    List<Thread> threads() {
        return List.of(selector.thread());
    }

    @Override
    List<String> readerErrors() {
        return selector.errors();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        selector.close();
        super.close();
    }
}
