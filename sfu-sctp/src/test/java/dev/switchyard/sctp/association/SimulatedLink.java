package dev.switchyard.sctp.association;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Two associations joined by a simulated path on a simulated clock: each packet arrives after a fixed one-way
 * delay unless the loss draw drops it. {@link #runUntil} moves the clock from event to event (a packet's
 * arrival or an association's timer), so a test of seconds of SCTP runs in milliseconds and the same every time.
 */
final class SimulatedLink {

    /** What one end received, in order. */
    static final class Endpoint implements AssociationListener {
        final String name;
        final List<String> events = new ArrayList<>();
        final List<byte[]> messages = new ArrayList<>();
        final List<Integer> messageStreams = new ArrayList<>();
        final List<Integer> resetStreams = new ArrayList<>();
        boolean established;
        String closedReason;
        Association association;
        private SimulatedLink link;
        private long packetsSent;

        Endpoint(String name) {
            this.name = name;
        }

        @Override
        public void sendPacket(byte[] packet) {
            packetsSent++;
            link.carry(this, packet);
        }

        @Override
        public void onEstablished() {
            established = true;
            events.add("established");
        }

        @Override
        public void onMessage(int streamId, long payloadProtocolId, byte[] message) {
            messages.add(message);
            messageStreams.add(streamId);
        }

        @Override
        public void onIncomingStreamReset(int streamId) {
            resetStreams.add(streamId);
        }

        @Override
        public void onClosed(String reason) {
            closedReason = reason;
            events.add("closed: " + reason);
        }

        long packetsSent() {
            return packetsSent;
        }
    }

    private record InFlight(long arrivalNanos, long order, Endpoint to, byte[] packet) {
    }

    final Endpoint a = new Endpoint("a");
    final Endpoint b = new Endpoint("b");
    private final PriorityQueue<InFlight> inFlight = new PriorityQueue<>((x, y) -> x.arrivalNanos != y.arrivalNanos
            ? Long.compare(x.arrivalNanos, y.arrivalNanos) : Long.compare(x.order, y.order));
    private final long oneWayDelayNanos;
    private final Random loss;
    private double lossProbability;
    private long now = 1_000_000_000L;
    private long order;
    private long packetsLost;
    /** Whether packets in the direction a → b (true) and b → a get through at all. */
    private boolean aToBOpen = true;
    private boolean bToAOpen = true;

    SimulatedLink(AssociationSettings settings, long oneWayDelayMillis, double lossProbability, long seed) {
        this.oneWayDelayNanos = oneWayDelayMillis * 1_000_000;
        this.lossProbability = lossProbability;
        this.loss = new Random(seed);
        for (Endpoint endpoint : List.of(a, b)) {
            endpoint.link = this;
            SecureRandom random = new SecureRandom();
            endpoint.association = new Association(settings, endpoint, () -> now, random);
        }
    }

    long now() {
        return now;
    }

    long packetsLost() {
        return packetsLost;
    }

    void setLoss(double probability) {
        lossProbability = probability;
    }

    void cut() {
        aToBOpen = false;
        bToAOpen = false;
    }

    /** Delivers {@code packet} to the other end as if it came over the path, with no delay or loss. */
    void inject(Endpoint to, byte[] packet) {
        to.association.receive(packet, 0, packet.length);
    }

    private void carry(Endpoint from, byte[] packet) {
        boolean open = from == a ? aToBOpen : bToAOpen;
        if (!open || loss.nextDouble() < lossProbability) {
            packetsLost++;
            return;
        }
        inFlight.add(new InFlight(now + oneWayDelayNanos, order++, from == a ? b : a, packet));
    }

    /** Runs events until {@code done} holds or {@code maxMillis} of simulated time passed; returns {@code done}. */
    boolean runUntil(java.util.function.BooleanSupplier done, long maxMillis) {
        long deadline = now + maxMillis * 1_000_000;
        while (!done.getAsBoolean()) {
            long next = Math.min(inFlight.isEmpty() ? Long.MAX_VALUE : inFlight.peek().arrivalNanos,
                    Math.min(a.association.nextTimeoutNanos(), b.association.nextTimeoutNanos()));
            if (next == Long.MAX_VALUE || next > deadline) {
                now = Math.max(now, Math.min(deadline, next));
                return done.getAsBoolean();
            }
            now = Math.max(now, next);
            while (!inFlight.isEmpty() && inFlight.peek().arrivalNanos <= now) {
                InFlight packet = inFlight.poll();
                packet.to.association.receive(packet.packet, 0, packet.packet.length);
            }
            for (Endpoint endpoint : List.of(a, b)) {
                if (endpoint.association.nextTimeoutNanos() <= now) {
                    endpoint.association.handleTimeouts();
                }
            }
        }
        return true;
    }

    /** Connects both ends, {@code a} first (as a browser's DTLS client would), and runs until both are up. */
    void establish() {
        a.association.connect();
        if (!runUntil(() -> a.established && b.established, 5_000)) {
            throw new AssertionError("not established: a " + a.events + ", b " + b.events);
        }
    }
}
