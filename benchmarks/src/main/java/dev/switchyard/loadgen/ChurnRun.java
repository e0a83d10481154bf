package dev.switchyard.loadgen;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A churn soak: one participant publishes audio and video for the whole run while {@code participants} others
 * come and go. Each of those, round after round, joins as a new participant that publishes and subscribes,
 * waits until the first publisher's video reaches it, stays a second and leaves. The server's heap, threads
 * and descriptors are sampled idle, throughout and after the last one left: what churn leaks shows as growth.
 */
final class ChurnRun {

    private static final long JOIN_TIMEOUT_MILLIS = 10_000;
    private static final long MEDIA_TIMEOUT_MILLIS = 10_000;
    private static final long STAY_MILLIS = 1_000;
    private static final long LEAVE_TIMEOUT_MILLIS = 5_000;
    private static final long POLL_MILLIS = 20;
    private static final int MAX_ERRORS_KEPT = 20;
    private static final int HOST_INDEX = 0;

    private final LoadOptions options;
    private final AtomicInteger rounds = new AtomicInteger();
    private final AtomicInteger failedRounds = new AtomicInteger();
    private final AtomicInteger participantErrors = new AtomicInteger();
    private final List<String> errors = new ArrayList<>();
    private volatile boolean churning = true;

    private ChurnRun(LoadOptions options) {
        this.options = options;
    }

    static ChurnReport execute(LoadOptions options) throws IOException, InterruptedException {
        return new ChurnRun(options).run();
    }

    private ChurnReport run() throws IOException, InterruptedException {
        return LoadContext.with(options, "churn", 2 * (options.participants() + 1), this::churnIn);
    }

    private ChurnReport churnIn(LoadContext context) throws IOException, InterruptedException {
        FootprintProbe footprint = new FootprintProbe(context.http(), options.url(), options.serverPid());
        FootprintSample idle = footprint.idle();
        SyntheticParticipant host = new SyntheticParticipant(context, HOST_INDEX, true, false);
        try {
            host.join().get(JOIN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the publishing participant did not join: " + e, e);
        }
        List<Thread> churners = new ArrayList<>();
        for (int slot = 1; slot <= options.participants(); slot++) {
            int index = slot;
            Thread churner = new Thread(() -> churn(context, index), "loadgen-churner-" + slot);
            churner.setDaemon(true);
            churner.start();
            churners.add(churner);
        }
        List<FootprintSample> throughout = footprint.sampleThroughout(options.duration());
        churning = false;
        for (Thread churner : churners) {
            churner.join(JOIN_TIMEOUT_MILLIS + MEDIA_TIMEOUT_MILLIS + LEAVE_TIMEOUT_MILLIS);
        }
        host.stopSending();
        host.leave(LEAVE_TIMEOUT_MILLIS);
        host.errors().forEach(error -> recordError(host.name() + ": " + error));
        context.receivers().errors().forEach(this::recordError);
        FootprintSample afterLeave = footprint.afterLeave(idle, options.settle());
        synchronized (errors) {
            return new ChurnReport(options.participants(), options.duration().toSeconds(), rounds.get(),
                    failedRounds.get(), participantErrors.get(),
                    footprint.footprint(idle, throughout, afterLeave), List.copyOf(errors));
        }
    }

    /** Rounds of one slot until the run ends; each round is a new participant. */
    private void churn(LoadContext context, int index) {
        while (churning) {
            SyntheticParticipant participant = new SyntheticParticipant(context, index, true, true);
            try {
                participant.join().get(JOIN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                if (awaitHostVideo(participant)) {
                    Thread.sleep(STAY_MILLIS);
                    rounds.incrementAndGet();
                } else {
                    failRound(participant.name() + ": no video from the publisher within " + MEDIA_TIMEOUT_MILLIS
                            + " ms");
                }
            } catch (ExecutionException | TimeoutException e) {
                failRound(participant.name() + " did not join: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                participant.stopSending();
                participant.leave(LEAVE_TIMEOUT_MILLIS);
                // A participant that subscribes to a track leaving at that moment gets unknown_track: churn
                // makes such races, so they are counted, not failures.
                List<String> participantErrorList = participant.errors();
                participantErrors.addAndGet(participantErrorList.size());
                participantErrorList.forEach(error -> recordError(participant.name() + ": " + error));
            }
        }
    }

    private boolean awaitHostVideo(SyntheticParticipant participant) throws InterruptedException {
        int hostVideo = SyntheticParticipant.videoStreamKey(HOST_INDEX);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MEDIA_TIMEOUT_MILLIS);
        while (participant.reception().packets(hostVideo) == 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    private void failRound(String error) {
        failedRounds.incrementAndGet();
        recordError(error);
    }

    private void recordError(String error) {
        synchronized (errors) {
            if (errors.size() < MAX_ERRORS_KEPT) {
                errors.add(error);
            }
        }
    }
}
