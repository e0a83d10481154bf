package dev.switchyard.signaling.sfu;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.switchyard.conference.Participant;
import dev.switchyard.signaling.auth.Admission;

/**
 * The participants of {@code /ws} by id, each with the secret its client got in {@code joined}, so that a client
 * whose socket dropped can take its participant over from a new socket ({@code resume}) instead of leaving and
 * joining again: its media connections and its place in the room never go away. A participant whose socket
 * dropped stays for {@link #grace()}; then it leaves.
 */
final class ResumableSessions {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 16;

    /** A participant and the session that speaks for it now (null while its client is away). */
    static final class Entry {
        final Participant participant;
        final ParticipantEventSender sender;
        final Admission admission;
        private final byte[] token;
        private SfuSession attached;

        private Entry(Participant participant, ParticipantEventSender sender, Admission admission, byte[] token,
                      SfuSession attached) {
            this.participant = participant;
            this.sender = sender;
            this.admission = admission;
            this.token = token;
            this.attached = attached;
        }
    }

    private final Map<String, Entry> byParticipant = new ConcurrentHashMap<>();
    private final Duration grace;

    /** @param grace how long a participant whose client went away waits for it to come back */
    ResumableSessions(Duration grace) {
        this.grace = grace;
    }

    Duration grace() {
        return grace;
    }

    /** Registers a participant that just joined through {@code session}; returns the secret for its client. */
    String register(Participant participant, ParticipantEventSender sender, Admission admission,
                    SfuSession session) {
        byte[] token = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(token);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        byParticipant.put(participant.id(), new Entry(participant, sender, admission,
                encoded.getBytes(StandardCharsets.US_ASCII), session));
        return encoded;
    }

    /** The client of {@code session} went away: its participant waits for it. */
    synchronized void detach(String participantId, SfuSession session) {
        Entry entry = byParticipant.get(participantId);
        if (entry != null && entry.attached == session) {
            entry.attached = null;
            entry.sender.detach();
        }
    }

    /** Whether the participant is still waiting for its client (so the grace period may end it). */
    synchronized boolean isWaiting(String participantId) {
        Entry entry = byParticipant.get(participantId);
        return entry != null && entry.attached == null;
    }

    /**
     * Hands the participant to {@code session} if {@code token} is its secret and it is still in its room; a
     * session still attached to it is returned through {@code displaced} so that the caller can close it.
     *
     * @return the entry, or null if there is no such participant (any more) or the token is wrong
     */
    synchronized Entry claim(String participantId, String token, SfuSession session, SfuSession[] displaced) {
        Entry entry = byParticipant.get(participantId);
        if (entry == null || !MessageDigest.isEqual(entry.token, token.getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        if (entry.participant.hasLeft()) {
            byParticipant.remove(participantId, entry);
            return null;
        }
        displaced[0] = entry.attached;
        entry.attached = session;
        return entry;
    }

    void forget(String participantId) {
        byParticipant.remove(participantId);
    }

    /** The sessions attached now, for a server-wide announcement. */
    synchronized List<SfuSession> attachedSessions() {
        return byParticipant.values().stream().map(entry -> entry.attached).filter(s -> s != null).toList();
    }
}
