package dev.switchyard.datachannel;

import java.security.SecureRandom;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread every data channel association of the server runs on, with their timers. SCTP associations are
 * single-threaded and a message crosses from its sender's association to its receivers' in one step, so one
 * thread owns them all: no lock anywhere on the data path, and the media workers only copy a record into a task.
 * A task that throws is logged and counted; the thread carries on.
 */
public final class DataChannelThread implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DataChannelThread.class);

    private final ScheduledExecutorService executor;
    private final SecureRandom random = new SecureRandom();
    private final DataChannelCounters counters = new DataChannelCounters();

    public DataChannelThread() {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "data-channels");
            thread.setDaemon(true);
            return thread;
        });
        pool.setRemoveOnCancelPolicy(true);
        this.executor = pool;
    }

    public DataChannelCounters counters() {
        return counters;
    }

    /** Runs {@code task} on the thread, after the tasks already given. Ignored once closed. */
    void execute(Runnable task) {
        try {
            executor.execute(() -> runGuarded(task));
        } catch (RejectedExecutionException e) {
            // Closed: the server is stopping and its associations with it.
        }
    }

    /** Runs {@code task} on the thread after {@code delayNanos}; null once closed. */
    ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        try {
            return executor.schedule(() -> runGuarded(task), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    long nanoTime() {
        return System.nanoTime();
    }

    SecureRandom random() {
        return random;
    }

    private void runGuarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            counters.countFailure();
            LOG.warn("data channel task failed", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
