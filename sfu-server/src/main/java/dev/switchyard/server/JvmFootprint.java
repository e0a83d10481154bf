package dev.switchyard.server;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;

import com.sun.management.UnixOperatingSystemMXBean;

/**
 * What this JVM holds right now, so a load run can see whether the server returns to its idle size once
 * everyone has left.
 *
 * @param openFileDescriptors -1 where the platform does not expose the count (not a Unix JVM)
 */
record JvmFootprint(long heapUsedBytes, long heapCommittedBytes, int threads, long openFileDescriptors) {

    static JvmFootprint now() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        long descriptors = os instanceof UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : -1;
        return new JvmFootprint(heap.getUsed(), heap.getCommitted(), ManagementFactory.getThreadMXBean()
                .getThreadCount(), descriptors);
    }
}
