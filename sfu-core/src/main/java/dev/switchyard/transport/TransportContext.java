package dev.switchyard.transport;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.switchyard.transport.dtls.DtlsCertificate;
import dev.switchyard.transport.ice.IceSettings;
import dev.switchyard.transport.srtp.SrtpProfile;

/**
 * What every {@link WebRtcTransport} of one process (a server, or a load generator's clients) shares: the DTLS
 * certificate, the threads that run handshakes and timers, and the settings. Client transports of other kinds
 * (the load generator's lean subscribers) share the same certificate and threads.
 */
public final class TransportContext implements AutoCloseable {

    /**
     * Transport settings; {@link #DEFAULTS} work on a laptop.
     *
     * @param consentTimeout          how long a connected peer may go without confirming consent (RFC 7675)
     * @param handshakeTimeout        how long one DTLS handshake may run
     * @param connectTimeout          how long a new transport may take to become ready for media (ICE connected
     *                                and DTLS established) before it is closed, so that a peer that never
     *                                connects holds nothing for long
     * @param maxConcurrentHandshakes DTLS handshakes running at once, each on a thread of its own; more wait
     */
    public record Settings(IceSettings ice, Duration consentTimeout, Duration handshakeTimeout,
                           List<SrtpProfile> srtpProfiles, Duration connectTimeout, int maxConcurrentHandshakes) {

        /**
         * RFC 7675 §5.1: consent expires 30 s after the last confirmation. AES-CM/HMAC-SHA1-80 (the profile every
         * WebRTC endpoint must implement, RFC 8827 §6.5) comes first because it is the cheaper one per packet here:
         * the AES-GCM transform hashes in Java tables, out of reach of the CPU's carry-less multiply (see
         * benchmarks/RESULTS.md, "Forwarding pipeline").
         */
        public static final Settings DEFAULTS = new Settings(IceSettings.DEFAULTS, Duration.ofSeconds(30),
                Duration.ofSeconds(20), List.of(SrtpProfile.AES128_CM_HMAC_SHA1_80, SrtpProfile.AEAD_AES_128_GCM),
                Duration.ofSeconds(30), 32);

        public Settings {
            Objects.requireNonNull(ice, "ice");
            Objects.requireNonNull(consentTimeout, "consentTimeout");
            Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            srtpProfiles = List.copyOf(srtpProfiles);
            if (srtpProfiles.isEmpty()) {
                throw new IllegalArgumentException("at least one SRTP profile is needed");
            }
            if (connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
            }
            if (maxConcurrentHandshakes < 1) {
                throw new IllegalArgumentException("maxConcurrentHandshakes must be positive: "
                        + maxConcurrentHandshakes);
            }
        }

        public Settings withIce(IceSettings iceSettings) {
            return new Settings(iceSettings, consentTimeout, handshakeTimeout, srtpProfiles, connectTimeout,
                    maxConcurrentHandshakes);
        }

        /** These settings with other consent and handshake timeouts. */
        public Settings withTimeouts(Duration newConsentTimeout, Duration newHandshakeTimeout) {
            return new Settings(ice, newConsentTimeout, newHandshakeTimeout, srtpProfiles, connectTimeout,
                    maxConcurrentHandshakes);
        }

        public Settings withSrtpProfiles(List<SrtpProfile> profiles) {
            return new Settings(ice, consentTimeout, handshakeTimeout, profiles, connectTimeout,
                    maxConcurrentHandshakes);
        }

        public Settings withConnectTimeout(Duration newConnectTimeout) {
            return new Settings(ice, consentTimeout, handshakeTimeout, srtpProfiles, newConnectTimeout,
                    maxConcurrentHandshakes);
        }

        public Settings withMaxConcurrentHandshakes(int count) {
            return new Settings(ice, consentTimeout, handshakeTimeout, srtpProfiles, connectTimeout, count);
        }
    }

    private static final long HANDSHAKE_THREAD_IDLE_SECONDS = 30;

    private final Settings settings;
    private final DtlsCertificate certificate;
    private final ExecutorService handshakeExecutor;
    private final ScheduledExecutorService timer;

    public TransportContext(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        settings.ice().apply();
        this.certificate = DtlsCertificate.generate();
        // Handshakes block on Bouncy Castle's DTLS state machine, so each running one holds a thread: at most
        // maxConcurrentHandshakes threads, idle ones ending after a while; further handshakes queue.
        ThreadPoolExecutor handshakes = new ThreadPoolExecutor(settings.maxConcurrentHandshakes(),
                settings.maxConcurrentHandshakes(), HANDSHAKE_THREAD_IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), namedDaemons("dtls-handshake"));
        handshakes.allowCoreThreadTimeOut(true);
        this.handshakeExecutor = handshakes;
        this.timer = Executors.newSingleThreadScheduledExecutor(namedDaemons("transport-timer"));
    }

    public Settings settings() {
        return settings;
    }

    public DtlsCertificate certificate() {
        return certificate;
    }

    /** Runs DTLS handshakes, which block for up to the handshake timeout; shared by every transport here. */
    public ExecutorService handshakeExecutor() {
        return handshakeExecutor;
    }

    /** Runs the transports' periodic checks; tasks must be short. */
    public ScheduledExecutorService timer() {
        return timer;
    }

    @Override
    public void close() {
        handshakeExecutor.shutdownNow();
        timer.shutdownNow();
    }

    private static ThreadFactory namedDaemons(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
