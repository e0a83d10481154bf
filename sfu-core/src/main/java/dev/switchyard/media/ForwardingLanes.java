package dev.switchyard.media;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The forwarding lanes of one server, one per media worker. New subscribers are spread over them in turn, so
 * that a large fan-out is shared by every worker.
 */
public final class ForwardingLanes {

    /** About 100 ms of a 1000-packet-per-second track in flight from one lane to the others. */
    public static final int SLOTS_PER_LANE = 256;

    private final List<ForwardingLane> lanes;
    private final AtomicInteger nextLane = new AtomicInteger();

    public ForwardingLanes(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        List<ForwardingLane> created = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            created.add(new ForwardingLane(i, SLOTS_PER_LANE, SLOTS_PER_LANE * count));
        }
        lanes = List.copyOf(created);
    }

    public int size() {
        return lanes.size();
    }

    public ForwardingLane get(int index) {
        return lanes.get(index);
    }

    /** Whether {@code lane} is one of these (a thread may run a lane of another server in the same process). */
    public boolean contains(ForwardingLane lane) {
        return lane.index() < lanes.size() && lanes.get(lane.index()) == lane;
    }

    /** The lane for a new subscriber: each in turn. */
    public ForwardingLane assign() {
        return lanes.get(Math.floorMod(nextLane.getAndIncrement(), lanes.size()));
    }
}
