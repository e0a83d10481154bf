package dev.switchyard.loadgen;

/** Whether received packets count towards latency: only between the end of set-up and the end of the run. */
final class MeasurementWindow {

    private volatile boolean open;

    void open() {
        open = true;
    }

    void close() {
        open = false;
    }

    boolean isOpen() {
        return open;
    }
}
