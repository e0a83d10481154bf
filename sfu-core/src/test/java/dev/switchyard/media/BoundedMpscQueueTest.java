package dev.switchyard.media;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedMpscQueueTest {

    @Test
    void firstInFirstOutUpToItsCapacity() {
        BoundedMpscQueue<Integer> queue = new BoundedMpscQueue<>(3);
        assertEquals(4, queue.capacity());
        assertNull(queue.poll());
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                assertTrue(queue.offer(i));
            }
            assertFalse(queue.offer(99), "full");
            for (int i = 0; i < 4; i++) {
                assertEquals(i, queue.poll());
            }
            assertNull(queue.poll());
        }
    }

    @Test
    void everyElementOfConcurrentProducersArrivesOnceAndInEachProducersOrder() throws Exception {
        int producers = 3;
        int perProducer = 100_000;
        BoundedMpscQueue<long[]> queue = new BoundedMpscQueue<>(64);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perProducer; i++) {
                    long[] element = {producer, i};
                    while (!queue.offer(element)) {
                        Thread.onSpinWait();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        long[] next = new long[producers];
        int received = 0;
        while (received < producers * perProducer) {
            long[] element = queue.poll();
            if (element == null) {
                Thread.onSpinWait();
                continue;
            }
            int producer = (int) element[0];
            assertEquals(next[producer], element[1], "producer " + producer + " out of order");
            next[producer]++;
            received++;
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertNull(queue.poll());
        for (long count : next) {
            assertEquals(perProducer, count);
        }
    }
}
