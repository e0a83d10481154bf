package dev.switchyard.media;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.switchyard.buffer.PacketBuffer;

/**
 * One media worker's share of the forwarding: the subscribers whose send streams it runs, and an inbox through
 * which other workers hand it the packets of tracks those subscribers receive. A packet crosses workers once
 * per destination worker, not once per subscriber; each send stream is then written by one thread only.
 *
 * <p>The inbox is a lock-free many-to-one queue ({@link BoundedMpscQueue}) of preallocated slots: a worker handing a packet
 * over takes a free slot of its own, copies the packet into it and queues it at the destination, which returns
 * the slot after forwarding. Nothing is allocated per packet; a worker whose slots are all in flight (its
 * peers cannot keep up) drops and counts instead of queuing without bound.
 */
public final class ForwardingLane {

    private static final ThreadLocal<ForwardingLane> CURRENT = new ThreadLocal<>();

    private final int index;
    private final BoundedMpscQueue<HandedPacket> inbox;
    private final BoundedMpscQueue<HandedPacket> freeSlots;
    private final ReceivedPacket handed = new ReceivedPacket();
    /**
     * False only while the lane's thread is about to wait or waiting for I/O: then a producer must wake it. While
     * it is busy, producers only read this flag, so a busy lane costs them no write to a shared cache line.
     */
    private final AtomicBoolean awake = new AtomicBoolean(true);
    private final AtomicLong handedOff = new AtomicLong();
    private final AtomicLong droppedNoSlot = new AtomicLong();
    private volatile Runnable wakeup = () -> { };

    /** A packet on its way to another lane, with what its receive stage found out. */
    private static final class HandedPacket {
        final ForwardingLane owner;
        final PacketBuffer buffer = PacketBuffer.allocate();
        TrackFanOut fanOut;
        TrackSink[] sinks;
        long arrivalNanos;
        ReceiveStream stream;
        long extendedSequence;
        KeyframeDetector.Codec keyframeCodec;

        HandedPacket(ForwardingLane owner) {
            this.owner = owner;
        }
    }

    /**
     * @param slots packets this lane can have in flight to other lanes at once
     * @param inboxCapacity packets other lanes can have queued here; at least the sum of their slots
     */
    ForwardingLane(int index, int slots, int inboxCapacity) {
        this.index = index;
        this.inbox = new BoundedMpscQueue<>(inboxCapacity);
        this.freeSlots = new BoundedMpscQueue<>(slots);
        for (int i = 0; i < slots; i++) {
            freeSlots.offer(new HandedPacket(this));
        }
    }

    /** The lane the calling thread runs, or null for a thread that runs none. */
    public static ForwardingLane current() {
        return CURRENT.get();
    }

    /** What wakes this lane's thread when a packet arrives in its inbox while it waits (a selector's wakeup). */
    public void setWakeup(Runnable wakeup) {
        this.wakeup = wakeup;
    }

    public int index() {
        return index;
    }

    /**
     * Hands {@code packet} to {@code target} for {@code sinks}, which belong to {@code fanOut}. Called on this
     * lane's thread.
     *
     * @return false if the packet was dropped because all of this lane's slots are in flight
     */
    boolean handOff(ForwardingLane target, TrackFanOut fanOut, TrackSink[] sinks, ReceivedPacket packet) {
        HandedPacket slot = freeSlots.poll();
        if (slot == null) {
            droppedNoSlot.lazySet(droppedNoSlot.get() + 1);
            return false;
        }
        PacketBuffer source = packet.buffer();
        slot.buffer.setOffsetLength(0, 0);
        slot.buffer.copyFrom(source.buffer(), source.offset(), source.length());
        slot.fanOut = fanOut;
        slot.sinks = sinks;
        slot.arrivalNanos = packet.arrivalNanos();
        slot.stream = packet.stream();
        slot.extendedSequence = packet.extendedSequence();
        slot.keyframeCodec = packet.keyframeCodec();
        target.inbox.offer(slot);
        handedOff.lazySet(handedOff.get() + 1);
        if (!target.awake.get() && target.awake.compareAndSet(false, true)) {
            target.wakeup.run();
        }
        return true;
    }

    /**
     * Called by the lane's thread just before it waits for I/O: from now on a hand-over wakes it. If packets
     * arrived meanwhile, it wakes itself at once rather than sleep on them.
     */
    public void beforeWait() {
        awake.set(false);
        if (!inbox.isEmpty() && awake.compareAndSet(false, true)) {
            wakeup.run();
        }
    }

    /**
     * Forwards every packet other lanes handed over so far to its sinks; returns how many. Called by the lane's
     * thread when it starts and after each wake-up: the first call makes it the lane's thread.
     */
    public int drain() {
        if (CURRENT.get() != this) {
            CURRENT.set(this);
        }
        if (!awake.get()) {
            awake.set(true);
        }
        int drained = 0;
        HandedPacket slot;
        while ((slot = inbox.poll()) != null) {
            if (handed.wrap(slot.buffer, slot.arrivalNanos)) {
                handed.attach(slot.stream, slot.extendedSequence, slot.keyframeCodec);
                slot.fanOut.deliver(slot.sinks, handed);
                // The lane lives as long as the server: it must not keep a departed publisher's stream (and its
                // packet cache) reachable.
                handed.attach(null, 0, null);
            }
            slot.fanOut = null;
            slot.sinks = null;
            slot.stream = null;
            slot.owner.freeSlots.offer(slot);
            drained++;
        }
        return drained;
    }

    /** Packets this lane handed to other lanes. */
    public long handedOff() {
        return handedOff.get();
    }

    /** Packets this lane could not hand over because its peers had not returned its slots yet. */
    public long droppedNoSlot() {
        return droppedNoSlot.get();
    }
}
