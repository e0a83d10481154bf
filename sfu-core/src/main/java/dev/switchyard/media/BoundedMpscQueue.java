package dev.switchyard.media;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded lock-free queue for many producer threads and one consumer thread, allocating nothing per element:
 * each slot carries a sequence number that says whose turn it is (Dmitry Vyukov's bounded queue). A producer
 * claims a slot by advancing the tail; the consumer alone advances the head.
 *
 * <p>Written here rather than taken from Agrona, whose queues need {@code --add-exports} of JDK internals on the
 * Java versions this server supports.
 */
final class BoundedMpscQueue<E> {

    private final int mask;
    private final AtomicReferenceArray<E> elements;
    /** For slot i: equal to the position a producer may fill, or that position + 1 once it is filled. */
    private final AtomicLongArray turns;
    private final AtomicLong tail = new AtomicLong();
    private long head;

    /** @param capacity rounded up to a power of two */
    BoundedMpscQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        int slots = Math.max(1, Integer.highestOneBit(capacity - 1) << 1);
        mask = slots - 1;
        elements = new AtomicReferenceArray<>(slots);
        turns = new AtomicLongArray(slots);
        for (int i = 0; i < slots; i++) {
            turns.set(i, i);
        }
    }

    int capacity() {
        return mask + 1;
    }

    /** Adds {@code element}; false if the queue is full. Any thread. */
    boolean offer(E element) {
        while (true) {
            long position = tail.get();
            int slot = (int) position & mask;
            long turn = turns.get(slot);
            if (turn == position) {
                if (tail.compareAndSet(position, position + 1)) {
                    elements.lazySet(slot, element);
                    // A full fence, not a release store: a producer reads the consumer's "awake" flag next,
                    // and the consumer writes that flag before looking at the queue (see ForwardingLane).
                    turns.set(slot, position + 1);
                    return true;
                }
            } else if (turn < position) {
                return false;
            }
            // Another producer claimed this position first: try the next one.
        }
    }

    /** Whether an element is ready for {@link #poll}. The consumer thread only. */
    boolean isEmpty() {
        return turns.get((int) head & mask) != head + 1;
    }

    /** Takes the oldest element, or null if none is ready. The consumer thread only. */
    E poll() {
        int slot = (int) head & mask;
        if (turns.get(slot) != head + 1) {
            return null;
        }
        E element = elements.get(slot);
        elements.lazySet(slot, null);
        turns.lazySet(slot, head + mask + 1);
        head++;
        return element;
    }
}
