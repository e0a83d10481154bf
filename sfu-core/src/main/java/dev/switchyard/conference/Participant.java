package dev.switchyard.conference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchyard.sdp.SdpParseException;
import dev.switchyard.sdp.SessionDescription;

/**
 * One participant of a room, as its signaling session sees it: it publishes tracks on its publisher connection
 * and receives the tracks it subscribes to on its subscriber connection (docs/PROTOCOL.md explains why two).
 *
 * <p>Every method may be called from a signaling thread; room state changes under the room's lock.
 */
public final class Participant implements RoomMember {

    private static final Logger LOG = LoggerFactory.getLogger(Participant.class);

    private final RoomServices services;
    private final Room room;
    private final String id;
    private final String name;
    /** Who it is by its access token, or null. */
    private final String identity;
    private final ParticipantListener listener;
    private final SubscriberConnection subscriber;
    private final Map<String, Subscription> subscriptions = new HashMap<>();
    private PublisherConnection publisher;
    private boolean gone;

    Participant(RoomServices services, Room room, String id, String identity, String name,
                ParticipantListener listener) {
        this.services = services;
        this.room = room;
        this.id = id;
        this.identity = identity;
        this.name = name;
        this.listener = listener;
        this.subscriber = new SubscriberConnection(services, listener, this::transportClosedInBackground);
    }

    @Override
    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String roomId() {
        return room.id();
    }

    /** Everyone else in the room now, with their tracks. */
    public List<ParticipantInfo> otherParticipants() {
        synchronized (room) {
            return room.othersThan(this);
        }
    }

    /**
     * Handles an offer on the publisher connection, the first or a renegotiation: new sending m-lines become
     * tracks, m-lines that stopped sending are unpublished.
     *
     * @param sourcesByMid the declared source of every sending m-line
     * @return the answer and the tracks this offer added
     */
    public PublishedTracks publish(String offerSdp, Map<String, TrackSource> sourcesByMid)
            throws NegotiationException, LimitExceededException {
        return publish(offerSdp, sourcesByMid, true);
    }

    /**
     * As {@link #publish(String, Map)}; {@code maySendData} says whether the participant's data channel messages
     * are forwarded to others (its token grants data). It may always receive.
     */
    public PublishedTracks publish(String offerSdp, Map<String, TrackSource> sourcesByMid, boolean maySendData)
            throws NegotiationException, LimitExceededException {
        Objects.requireNonNull(offerSdp, "offerSdp");
        SessionDescription offer;
        try {
            offer = SessionDescription.parse(offerSdp);
        } catch (SdpParseException e) {
            throw new NegotiationException(e.getMessage(), e);
        }
        RoomLimits limits = services.limits();
        if (offer.media().size() > limits.maxMediaLinesPerOffer()) {
            throw new LimitExceededException("an offer may hold at most " + limits.maxMediaLinesPerOffer()
                    + " m-lines; this one has " + offer.media().size());
        }
        synchronized (room) {
            requirePresent();
            boolean firstOffer = publisher == null;
            if (firstOffer) {
                try {
                    publisher = new PublisherConnection(services, room.dataRoom(), id, maySendData,
                            listener::onDataChannelClosed, this::transportClosedInBackground);
                } catch (IOException e) {
                    throw new NegotiationException("cannot create the publisher connection: " + e.getMessage(), e);
                }
            }
            PublisherAnswerer.Answer answer;
            try {
                answer = publisher.negotiate(offer, media -> {
                    checkSources(media, sourcesByMid);
                    checkTrackCount(media, limits);
                });
            } catch (NegotiationException | LimitExceededException | RuntimeException e) {
                if (firstOffer) {
                    // The refused first offer leaves no connection behind, as if it had never come.
                    publisher.close();
                    publisher = null;
                }
                throw e;
            }
            PublishedTracks published = new PublishedTracks(answer.sdp(),
                    applyPublishedMedia(answer.media(), sourcesByMid));
            LOG.info("published room={} participant={} tracks={}", room.id(), id, describe(
                    published.tracksByMid().values()));
            return published;
        }
    }

    /** Tracks as the log shows them: {@code [t-1 microphone, t-2 camera]}. */
    private static String describe(Collection<TrackInfo> tracks) {
        return tracks.stream().map(track -> track.trackId() + " " + track.source().wireName()).toList().toString();
    }

    private static void checkTrackCount(List<PublishedMedia> media, RoomLimits limits) throws LimitExceededException {
        if (media.size() > limits.maxTracksPerParticipant()) {
            throw new LimitExceededException("a participant may publish at most " + limits.maxTracksPerParticipant()
                    + " tracks at once; this offer sends " + media.size());
        }
    }

    private static void checkSources(List<PublishedMedia> media, Map<String, TrackSource> sources)
            throws NegotiationException {
        for (PublishedMedia line : media) {
            TrackSource source = sources.get(line.mid());
            if (source == null) {
                throw new NegotiationException("no source given for sending m-line " + line.mid());
            }
            boolean audioSource = source == TrackSource.MICROPHONE || source == TrackSource.SCREEN_AUDIO;
            if (audioSource != (line.kind() == MediaKind.AUDIO)) {
                throw new NegotiationException("m-line " + line.mid() + " is " + line.kind().wireName()
                        + " but its source is " + source.wireName());
            }
        }
    }

    private Map<String, TrackInfo> applyPublishedMedia(List<PublishedMedia> media,
                                                       Map<String, TrackSource> sources) {
        Set<String> sending = new HashSet<>();
        Map<String, TrackInfo> added = new LinkedHashMap<>();
        for (PublishedMedia line : media) {
            sending.add(line.mid());
            if (publisher.trackByMid(line.mid()) != null) {
                continue;
            }
            PublishedTrack track = new PublishedTrack(services.nextTrackId(), id, publisher::sendKeyframeRequest,
                    line.mid(), line.kind(), sources.get(line.mid()), line.codec(), line.extensionIds(),
                    services.forwardingLanes());
            publisher.addTrack(track, line.ssrcs(), line.repairSsrcs());
            room.publish(track);
            added.put(line.mid(), track.info());
        }
        for (PublishedTrack track : List.copyOf(publisher.tracks())) {
            if (!sending.contains(track.mid())) {
                publisher.removeTrack(track);
                room.unpublish(track);
            }
        }
        return added;
    }

    /** Starts receiving the given tracks; all or nothing. */
    public void subscribe(Collection<String> trackIds) throws UnknownTrackException {
        synchronized (room) {
            requirePresent();
            List<PublishedTrack> tracks = new ArrayList<>();
            for (String trackId : new LinkedHashSet<>(trackIds)) {
                PublishedTrack track = room.track(trackId);
                if (track == null || track.ownerId().equals(id)) {
                    throw new UnknownTrackException(trackId);
                }
                if (!subscriptions.containsKey(trackId)) {
                    tracks.add(track);
                }
            }
            if (tracks.isEmpty()) {
                return;
            }
            LOG.info("subscribed room={} participant={} tracks={}", room.id(), id,
                    describe(tracks.stream().map(PublishedTrack::info).toList()));
            for (PublishedTrack track : tracks) {
                Subscription subscription = subscriber.subscribe(track);
                subscriptions.put(track.trackId(), subscription);
                track.addSubscriber(subscription.stream(), subscription.lane(),
                        () -> subscriptionEnded(subscription));
            }
            renegotiateSubscriber();
        }
    }

    /** Stops receiving the given tracks; all or nothing. */
    public void unsubscribe(Collection<String> trackIds) throws UnknownTrackException {
        synchronized (room) {
            requirePresent();
            for (String trackId : trackIds) {
                if (!subscriptions.containsKey(trackId)) {
                    throw new UnknownTrackException(trackId);
                }
            }
            for (String trackId : trackIds) {
                Subscription subscription = subscriptions.remove(trackId);
                if (subscription != null) {
                    subscription.track().removeSubscriber(subscription.stream());
                    subscriber.unsubscribe(subscription);
                }
            }
            renegotiateSubscriber();
        }
    }

    public void acceptSubscriberAnswer(String answerSdp) throws NegotiationException {
        Objects.requireNonNull(answerSdp, "answerSdp");
        synchronized (room) {
            requirePresent();
            try {
                subscriber.acceptAnswer(answerSdp);
            } catch (IOException e) {
                throw new NegotiationException("cannot renegotiate: " + e.getMessage(), e);
            }
        }
    }

    /** Trickle ICE: {@code candidate} is {@code candidate:...} as a browser reports it; null ends the list. */
    public void addRemoteCandidate(TransportTarget target, String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return;
        }
        synchronized (room) {
            if (gone) {
                return;
            }
            if (target == TransportTarget.PUBLISHER && publisher != null) {
                publisher.addRemoteCandidate(candidate);
            } else if (target == TransportTarget.SUBSCRIBER) {
                subscriber.addRemoteCandidate(candidate);
            }
        }
    }

    /** New ICE credentials on the subscriber connection; an offer follows through the listener. */
    public void restartSubscriberIce() {
        synchronized (room) {
            if (gone) {
                return;
            }
            try {
                subscriber.restartIce();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Marks one of this participant's own tracks muted or not and tells the others. */
    public void setMuted(String trackId, boolean muted) throws UnknownTrackException {
        synchronized (room) {
            requirePresent();
            PublishedTrack track = room.track(trackId);
            if (track == null || !track.ownerId().equals(id)) {
                throw new UnknownTrackException(trackId);
            }
            track.setMuted(muted);
            room.announceMute(track, false);
        }
    }

    /** Whether it has left the room or was removed from it. */
    public boolean hasLeft() {
        synchronized (room) {
            return gone;
        }
    }

    /** Leaves the room and frees both connections. Idempotent; the listener hears nothing more. */
    @Override
    public void leave() {
        depart(null);
    }

    @Override
    public void remove(String reason) {
        depart(reason);
    }

    /**
     * A connection of this participant closed: unless it is leaving anyway, it is removed from the room. The
     * news may come from a media worker (a DTLS close_notify), which must never take the room lock, so the
     * removal runs on the background thread.
     */
    private void transportClosedInBackground(String reason) {
        services.closeInBackground(() -> {
            if (depart(reason)) {
                services.countMediaConnectionFailure();
            }
        });
    }

    /** @return whether this call made the participant leave (false if it had left already) */
    private boolean depart(String removalReason) {
        synchronized (room) {
            if (gone) {
                return false;
            }
            gone = true;
            // The others hear that it left before anything else (docs/PROTOCOL.md): a client drops everything
            // of the participant at once instead of waiting through one renegotiation per track.
            room.remove(this);
            if (publisher != null) {
                for (PublishedTrack track : List.copyOf(publisher.tracks())) {
                    publisher.removeTrack(track);
                    room.unpublish(track);
                }
            }
            for (Subscription subscription : subscriptions.values()) {
                subscription.track().removeSubscriber(subscription.stream());
            }
            subscriptions.clear();
        }
        services.roomMayBeEmpty(room);
        PublisherConnection publisherToClose = publisher;
        // Freeing ICE agents and sending close_notify takes a while: the others already know, so the
        // signaling thread does not wait for it.
        services.closeInBackground(() -> {
            if (publisherToClose != null) {
                publisherToClose.close();
            }
            subscriber.close();
        });
        if (removalReason != null) {
            LOG.info("removed room={} participant={} reason=\"{}\"", room.id(), id, removalReason);
            listener.onRemoved(removalReason);
        } else {
            LOG.info("left room={} participant={}", room.id(), id);
        }
        return true;
    }

    /** A track this participant received was unpublished. Called under the room lock. */
    private void subscriptionEnded(Subscription subscription) {
        if (subscriptions.remove(subscription.track().trackId()) == null) {
            return;
        }
        subscriber.unsubscribe(subscription);
        renegotiateSubscriber();
    }

    private void renegotiateSubscriber() {
        try {
            subscriber.renegotiate();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the subscriber connection", e);
        }
    }

    private void requirePresent() {
        if (gone) {
            throw new IllegalStateException("participant " + id + " has left");
        }
    }

    @Override
    public ParticipantInfo info() {
        List<TrackInfo> tracks = new ArrayList<>();
        if (publisher != null) {
            publisher.tracks().forEach(track -> tracks.add(track.info()));
        }
        return new ParticipantInfo(id, identity, name, tracks);
    }

    Room room() {
        return room;
    }

    @Override
    public ParticipantListener listener() {
        return listener;
    }
}
