package dev.switchyard.loadgen;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import dev.switchyard.benchmarks.SrtpFixtures;
import dev.switchyard.transport.srtp.SrtpProfile;
import dev.switchyard.transport.srtp.SrtpSession;

/**
 * Runs one {@link LoopbackForwardingFloor} measurement: starts the receivers, the forwarder and the publisher,
 * forwards through the warm-up, samples thread CPU and counters at both ends of the window, stops the publisher,
 * lets the forwarder and then the receivers empty their sockets, and closes everything.
 */
final class FloorRun {

    /** Time for the packets in flight to arrive once the stage before stopped sending. */
    private static final long DRAIN_MILLIS = 300;

    private FloorRun() {
    }

    /** Counters and CPU at one instant. */
    private record Sample(long forwarded, long nanos, ThreadCpu forwarderCpu, ThreadCpu receiverCpu,
                          long delivered) {
    }

    static FloorReport execute(FloorOptions options) throws IOException, InterruptedException {
        SrtpProfile profile = options.profile();
        try (DrainingReceivers receivers = DrainingReceivers.start(options.receivers(), options.subscribers());
             DatagramChannel media = DatagramChannel.open();
             DatagramChannel publisherSocket = DatagramChannel.open()) {
            media.bind(new InetSocketAddress(LoopbackForwardingFloor.LOOPBACK, 0));
            publisherSocket.bind(new InetSocketAddress(LoopbackForwardingFloor.LOOPBACK, 0));
            publisherSocket.connect(media.getLocalAddress());

            // Mirrored keys pair the publisher with the forwarder; each subscriber has keys of its own.
            PacedPublisher publisher = new PacedPublisher(publisherSocket,
                    new SrtpSession(SrtpFixtures.keys(profile, 0x11, 0x22, 0x33, 0x44)), options.packetsPerSecond());
            List<SrtpSession> subscriberSessions = new ArrayList<>();
            for (int i = 0; i < options.subscribers(); i++) {
                subscriberSessions.add(new SrtpSession(SrtpFixtures.keys(profile, 0x50 + i, 0x60, 0x70, 0x80)));
            }
            BareForwarder forwarder = new BareForwarder(media,
                    new SrtpSession(SrtpFixtures.keys(profile, 0x33, 0x44, 0x11, 0x22)), subscriberSessions,
                    receivers.addresses());
            Thread forwarding = daemon("floor-forwarder", forwarder);
            Thread publishing = daemon("floor-publisher", publisher);
            // The first reading sets up the JVM's management beans, which takes tens of milliseconds: not at the
            // start of the window, where it would come between the packet count and the CPU time.
            sample(forwarding, receivers, forwarder);

            Thread.sleep(options.warmUp().toMillis());
            Sample start = sample(forwarding, receivers, forwarder);
            Thread.sleep(options.duration().toMillis());
            Sample end = sample(forwarding, receivers, forwarder);

            publisher.stop();
            publishing.join();
            Thread.sleep(DRAIN_MILLIS);
            media.close();
            forwarding.join();
            Thread.sleep(DRAIN_MILLIS);
            List<String> errors = new ArrayList<>(receivers.errors());
            Stream.of(publisher.error(), forwarder.error()).filter(Objects::nonNull).forEach(errors::add);
            return report(options, start, end, publisher, forwarder, receivers.received(), errors);
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The forwarder's figures first and together; reading every receiving thread's takes longer. */
    private static Sample sample(Thread forwarding, DrainingReceivers receivers, BareForwarder forwarder) {
        long forwarded = forwarder.forwarded();
        long nanos = System.nanoTime();
        ThreadCpu forwarderCpu = ThreadCpu.of(List.of(forwarding));
        return new Sample(forwarded, nanos, forwarderCpu, ThreadCpu.of(receivers.threads()), receivers.received());
    }

    private static FloorReport report(FloorOptions options, Sample start, Sample end, PacedPublisher publisher,
                                      BareForwarder forwarder, long delivered, List<String> errors) {
        double windowSeconds = (end.nanos() - start.nanos()) / 1e9;
        long forwardedInWindow = end.forwarded() - start.forwarded();
        ThreadCpu forwarderCpu = end.forwarderCpu().since(start.forwarderCpu());
        ThreadCpu receiverCpu = end.receiverCpu().since(start.receiverCpu());
        long deliveredInWindow = end.delivered() - start.delivered();
        double microsPerPacket = perPacket(forwarderCpu.totalNanos() / 1e3, forwardedInWindow);
        long lostAfterForwarder = forwarder.forwarded() - delivered;
        return new FloorReport(options.subscribers(), options.packetsPerSecond(), options.profile().name(),
                options.receivers().name().toLowerCase(Locale.ROOT), windowSeconds, forwardedInWindow,
                forwardedInWindow / windowSeconds, microsPerPacket,
                perPacket(forwarderCpu.userNanos() / 1e3, forwardedInWindow),
                perPacket(forwarderCpu.systemNanos() / 1e3, forwardedInWindow),
                forwarderCpu.totalNanos() / 1e9 / windowSeconds, microsPerPacket == 0 ? 0 : 1e6 / microsPerPacket,
                perPacket(forwarderCpu.allocatedBytes(), forwardedInWindow),
                perPacket(receiverCpu.totalNanos() / 1e3, deliveredInWindow), publisher.sent(),
                forwarder.forwarded(), delivered, publisher.sent() - forwarder.received(), lostAfterForwarder,
                forwarder.forwarded() == 0 ? 0 : 100.0 * lostAfterForwarder / forwarder.forwarded(),
                forwarder.rejected(), List.copyOf(errors));
    }

    private static double perPacket(double amount, long packets) {
        return packets == 0 ? 0 : amount / packets;
    }
}
