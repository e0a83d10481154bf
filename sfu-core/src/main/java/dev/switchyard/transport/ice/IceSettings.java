package dev.switchyard.transport.ice;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Process-wide ICE settings.
 *
 * <p>ice4j reads its configuration once, into static fields, the first time its classes initialise, so these
 * settings must be applied before any agent or harvester exists and cannot differ between transports. The
 * first call to {@link #apply()} wins; a later call with other values is a programming error.
 *
 * @param consentCheckInterval how often the selected pair's consent is refreshed (RFC 7675 §5.1)
 * @param consentRetransmissions unanswered consent requests before ice4j gives up on one check
 * @param udpReceiveBufferBytes SO_RCVBUF of each socket on the media port and of client sockets; the OS default
 *                              drops packets under load
 */
public record IceSettings(Duration consentCheckInterval, int consentRetransmissions, int udpReceiveBufferBytes) {

    /** RFC 7675 §5.1: checks every 5 s on average; together with the 30 s consent timeout of the transport. */
    public static final IceSettings DEFAULTS = new IceSettings(Duration.ofSeconds(5), 6, 4 * 1024 * 1024);

    private static IceSettings applied;

    public IceSettings {
        Objects.requireNonNull(consentCheckInterval, "consentCheckInterval");
        if (consentCheckInterval.isNegative() || consentCheckInterval.isZero()) {
            throw new IllegalArgumentException("consentCheckInterval must be positive");
        }
        if (consentRetransmissions < 1 || udpReceiveBufferBytes < 1) {
            throw new IllegalArgumentException("consentRetransmissions and udpReceiveBufferBytes must be positive");
        }
    }

    /** Applies these settings to ice4j unless they already are; fails if different settings were applied. */
    public void apply() {
        synchronized (IceSettings.class) {
            if (applied != null) {
                if (!applied.equals(this)) {
                    throw new IllegalStateException("ICE settings are process-wide and already set to " + applied);
                }
                return;
            }
            systemProperties().forEach(IceSettings::setUnlessOperatorSetIt);
            applied = this;
        }
    }

    private Map<String, String> systemProperties() {
        return Map.of(
                // Never probe the cloud metadata address: an SFU on a laptop or in a sandbox must not reach out.
                "ice4j.harvest.mapping.aws.enabled", "false",
                "ice4j.consent-freshness.interval", consentCheckInterval.toMillis() + " milliseconds",
                "ice4j.consent-freshness.max-retransmissions", Integer.toString(consentRetransmissions),
                "ice4j.harvest.use-link-local-addresses", "false",
                "ice4j.software", "");
    }

    private static void setUnlessOperatorSetIt(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
