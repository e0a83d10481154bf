package dev.switchyard.loadgen;

import java.lang.management.ManagementFactory;
import java.util.List;

import com.sun.management.ThreadMXBean;

/**
 * CPU time and heap allocation of a group of live threads so far, from the JVM's {@link ThreadMXBean}:
 * {@code totalNanos} is user plus system time, so system time is {@code totalNanos - userNanos}. On Linux the
 * JVM reads these per thread from the kernel, which counts the work a {@code sendto} does on the sender's behalf
 * (on loopback: the receiver's delivery and wake-up) as the sender's system time.
 *
 * <p>HotSpot on Linux reads the total from the thread's CPU clock (nanosecond resolution) but the user part from
 * {@code /proc/self/task/<tid>/stat}, in clock ticks (10 ms) of which the kernel apportions a thread's run time
 * between user and system mode by sampling: the split is only meaningful over many ticks of CPU time.
 */
record ThreadCpu(long totalNanos, long userNanos, long allocatedBytes) {

    private static final ThreadMXBean THREADS = threadBean();

    static ThreadCpu of(List<Thread> threads) {
        long total = 0;
        long user = 0;
        long allocated = 0;
        for (Thread thread : threads) {
            total += THREADS.getThreadCpuTime(thread.getId());
            user += THREADS.getThreadUserTime(thread.getId());
            allocated += THREADS.getThreadAllocatedBytes(thread.getId());
        }
        return new ThreadCpu(total, user, allocated);
    }

    ThreadCpu since(ThreadCpu earlier) {
        return new ThreadCpu(totalNanos - earlier.totalNanos, userNanos - earlier.userNanos,
                allocatedBytes - earlier.allocatedBytes);
    }

    long systemNanos() {
        return totalNanos - userNanos;
    }

    private static ThreadMXBean threadBean() {
        ThreadMXBean bean = ManagementFactory.getPlatformMXBean(ThreadMXBean.class);
        if (!bean.isThreadCpuTimeSupported() || !bean.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM does not measure per-thread CPU time and allocation");
        }
        bean.setThreadCpuTimeEnabled(true);
        bean.setThreadAllocatedMemoryEnabled(true);
        return bean;
    }
}
