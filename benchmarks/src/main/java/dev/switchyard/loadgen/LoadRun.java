package dev.switchyard.loadgen;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one load test: samples the idle server, joins the participants one after another, waits until media
 * flows everywhere (bounded), measures for the set duration, stops the senders, lets the last packets arrive,
 * makes everyone leave, and samples the server once it has let them go.
 */
final class LoadRun {

    private static final long JOIN_TIMEOUT_MILLIS = 10_000;
    private static final long LEAVE_TIMEOUT_MILLIS = 5_000;
    /** Set-up may take this long plus {@link #SETUP_MILLIS_PER_PARTICIPANT} per participant. */
    private static final long SETUP_BASE_MILLIS = 10_000;
    private static final long SETUP_MILLIS_PER_PARTICIPANT = 100;
    /** Time for packets in flight to arrive after the senders stopped, before loss is counted. */
    private static final long DRAIN_MILLIS = 500;
    private static final long POLL_MILLIS = 50;

    private final LoadOptions options;
    private final List<SyntheticParticipant> participants = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private LoadRun(LoadOptions options) {
        this.options = options;
    }

    /** Runs to the end; the report holds everything measured, including what went wrong. */
    static LoadReport execute(LoadOptions options) throws IOException, InterruptedException {
        return new LoadRun(options).run();
    }

    private LoadReport run() throws IOException, InterruptedException {
        return LoadContext.with(options, "load", 2 * options.participants(), context -> {
            for (int i = 0; i < options.participants(); i++) {
                boolean webinarHost = options.topology() == Topology.WEBINAR && i == 0;
                boolean publishes = options.topology() == Topology.MEETING || webinarHost;
                participants.add(new SyntheticParticipant(context, i, publishes, !webinarHost));
            }
            return measure(context);
        });
    }

    private LoadReport measure(LoadContext context) throws IOException, InterruptedException {
        ScheduledExecutorService pacer = context.pacer();
        FootprintProbe footprint = new FootprintProbe(context.http(), options.url(), options.serverPid());
        FootprintSample idle = footprint.idle();
        long setupStart = System.nanoTime();
        for (SyntheticParticipant participant : participants) {
            try {
                participant.join().get(JOIN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                errors.add(participant.name() + " did not join: " + e);
            }
        }
        awaitMediaEverywhere(setupStart + TimeUnit.MILLISECONDS.toNanos(
                SETUP_BASE_MILLIS + SETUP_MILLIS_PER_PARTICIPANT * participants.size()));
        double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
        Thread.sleep(options.warmUp().toMillis());

        ProcessSample serverStart = sampleServer();
        long deliveredStart = deliveredPackets();
        long bytesStart = deliveredBytes();
        long sentStart = sentPackets();
        long sentBytesStart = sentBytes();
        long windowStart = System.nanoTime();
        context.window().open();
        List<FootprintSample> windowFootprint = footprint.sampleThroughout(options.duration());
        context.window().close();
        long windowNanos = System.nanoTime() - windowStart;
        long delivered = deliveredPackets() - deliveredStart;
        long bytes = deliveredBytes() - bytesStart;
        long sent = sentPackets() - sentStart;
        long sentBytes = sentBytes() - sentBytesStart;
        ProcessSample serverEnd = sampleServer();

        participants.forEach(SyntheticParticipant::stopSending);
        pacer.shutdown();
        pacer.awaitTermination(1, TimeUnit.SECONDS);
        Thread.sleep(DRAIN_MILLIS);
        participants.forEach(participant -> participant.leave(LEAVE_TIMEOUT_MILLIS));
        participants.forEach(participant -> participant.errors().forEach(
                error -> errors.add(participant.name() + ": " + error)));
        errors.addAll(context.receivers().errors());
        FootprintSample afterLeave = footprint.afterLeave(idle, options.settle());
        ServerFootprint serverFootprint = footprint.footprint(idle, windowFootprint, afterLeave);
        return report(setupSeconds, windowNanos / 1e9, new long[] {sent, sentBytes, delivered, bytes},
                serverStart == null ? null : ServerUsage.between(options.serverPid().getAsLong(), serverStart,
                        serverEnd, delivered), serverFootprint);
    }

    private void awaitMediaEverywhere(long deadlineNanos) throws InterruptedException {
        while (receivedStreams() < expectedStreams() && System.nanoTime() < deadlineNanos) {
            Thread.sleep(POLL_MILLIS);
        }
        if (receivedStreams() < expectedStreams()) {
            errors.add("set-up deadline passed with " + receivedStreams() + " of " + expectedStreams()
                    + " streams flowing");
        }
    }

    /** {@code counts}: packets and bytes sent, then packets and bytes delivered, during the window. */
    private LoadReport report(double setupSeconds, double windowSeconds, long[] counts, ServerUsage server,
                              ServerFootprint footprint) {
        long expectedPackets = 0;
        long lostPackets = 0;
        LatencyHistogram latency = new LatencyHistogram();
        List<Double> joins = new ArrayList<>();
        List<Double> firstMedia = new ArrayList<>();
        List<SubscriberResult> subscriberResults = new ArrayList<>();
        for (SyntheticParticipant subscriber : participants) {
            if (subscriber.joinMillis() >= 0) {
                joins.add(subscriber.joinMillis());
            }
            if (!subscriber.subscribes()) {
                continue;
            }
            if (subscriber.firstMediaMillis() >= 0) {
                firstMedia.add(subscriber.firstMediaMillis());
            }
            subscriber.reception().addLatencyTo(latency);
            long expected = 0;
            long lost = 0;
            for (SyntheticParticipant publisher : publishersFor(subscriber)) {
                for (int key : streamKeys(publisher)) {
                    int sentByPublisher = publisher.sentPackets(key);
                    expected += subscriber.reception().expected(key, sentByPublisher);
                    lost += subscriber.reception().lost(key, sentByPublisher);
                }
            }
            subscriberResults.add(new SubscriberResult(subscriber.name(), subscriber.reception().totalPackets(),
                    expected, lost));
            expectedPackets += expected;
            lostPackets += lost;
        }
        int publishers = (int) participants.stream().filter(SyntheticParticipant::publishes).count();
        int subscribers = (int) participants.stream().filter(SyntheticParticipant::subscribes).count();
        return new LoadReport(options.topology().name().toLowerCase(Locale.ROOT), participants.size(),
                publishers, subscribers, options.videoKilobitsPerSecond(), setupSeconds, windowSeconds,
                expectedStreams(), receivedStreams(), counts[0] / windowSeconds, counts[1] / windowSeconds,
                counts[2] / windowSeconds, counts[3] / windowSeconds, expectedPackets, lostPackets,
                expectedPackets == 0 ? 0 : 100.0 * lostPackets / expectedPackets, Distribution.of(latency),
                Distribution.of(joins), Distribution.of(firstMedia), server, footprint, subscriberResults,
                List.copyOf(errors));
    }

    private List<SyntheticParticipant> publishersFor(SyntheticParticipant subscriber) {
        return participants.stream().filter(p -> p.publishes() && p != subscriber).toList();
    }

    private static int[] streamKeys(SyntheticParticipant publisher) {
        return new int[] {SyntheticParticipant.audioStreamKey(publisher.index()),
                SyntheticParticipant.videoStreamKey(publisher.index())};
    }

    private long expectedStreams() {
        return participants.stream().filter(SyntheticParticipant::subscribes)
                .mapToLong(s -> 2L * publishersFor(s).size()).sum();
    }

    private long receivedStreams() {
        long received = 0;
        for (SyntheticParticipant subscriber : participants) {
            if (!subscriber.subscribes()) {
                continue;
            }
            for (SyntheticParticipant publisher : publishersFor(subscriber)) {
                for (int key : streamKeys(publisher)) {
                    if (subscriber.reception().packets(key) > 0) {
                        received++;
                    }
                }
            }
        }
        return received;
    }

    private long deliveredPackets() {
        return participants.stream().mapToLong(p -> p.reception().totalPackets()).sum();
    }

    private long deliveredBytes() {
        return participants.stream().mapToLong(p -> p.reception().totalBytes()).sum();
    }

    private long sentPackets() {
        return participants.stream().mapToLong(SyntheticParticipant::sentPacketsTotal).sum();
    }

    private long sentBytes() {
        return participants.stream().mapToLong(SyntheticParticipant::sentBytes).sum();
    }

    private ProcessSample sampleServer() throws IOException {
        return options.serverPid().isPresent() ? ProcessSample.read(options.serverPid().getAsLong()) : null;
    }
}
