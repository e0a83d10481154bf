package dev.switchyard.conference;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.switchyard.datachannel.DataChannelCounters;
import dev.switchyard.datachannel.DataChannelLimits;
import dev.switchyard.datachannel.DataChannelThread;
import dev.switchyard.datachannel.DataRoom;
import dev.switchyard.media.ForwardingLanes;
import dev.switchyard.media.NackResponder;
import dev.switchyard.media.RetransmissionBudget;
import dev.switchyard.media.RetransmissionCounters;
import dev.switchyard.media.RtcpCounters;
import dev.switchyard.transport.TransportContext;
import dev.switchyard.transport.WebRtcTransport;
import dev.switchyard.transport.ice.ServerIcePorts;

/** All rooms of one server. A room exists while someone is in it. */
public final class RoomManager implements AutoCloseable {

    private static final long CLOSE_WAIT_SECONDS = 10;

    private final TransportContext transports;
    private final ServerIcePorts ports;
    private final MediaSettings mediaSettings;
    private final RoomLimits limits;
    private final DataChannelLimits dataChannelLimits;
    private final DataChannelThread dataChannelThread = new DataChannelThread();
    private final RetransmissionCounters retransmissions = new RetransmissionCounters();
    private final RtcpCounters rtcp = new RtcpCounters();
    private final AtomicLong mediaConnectionFailures = new AtomicLong();
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final AtomicLong participantCounter = new AtomicLong();
    private final AtomicLong trackCounter = new AtomicLong();
    private final ExecutorService closer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "conference-closer");
        thread.setDaemon(true);
        return thread;
    });

    private final RoomServices services = new Services();

    public RoomManager(TransportContext transports, ServerIcePorts ports) {
        this(transports, ports, MediaSettings.DEFAULTS);
    }

    public RoomManager(TransportContext transports, ServerIcePorts ports, MediaSettings mediaSettings) {
        this(transports, ports, mediaSettings, RoomLimits.DEFAULTS);
    }

    public RoomManager(TransportContext transports, ServerIcePorts ports, MediaSettings mediaSettings,
                       RoomLimits limits) {
        this(transports, ports, mediaSettings, limits, DataChannelLimits.defaults());
    }

    public RoomManager(TransportContext transports, ServerIcePorts ports, MediaSettings mediaSettings,
                       RoomLimits limits, DataChannelLimits dataChannelLimits) {
        this.transports = Objects.requireNonNull(transports, "transports");
        this.ports = Objects.requireNonNull(ports, "ports");
        this.mediaSettings = Objects.requireNonNull(mediaSettings, "mediaSettings");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.dataChannelLimits = Objects.requireNonNull(dataChannelLimits, "dataChannelLimits");
    }

    /** What the server's data channels forwarded, refused and dropped. */
    public DataChannelCounters dataChannels() {
        return dataChannelThread.counters();
    }

    /** What became of the packets subscribers asked for again, for the whole server. */
    public RetransmissionCounters retransmissions() {
        return retransmissions;
    }

    /** The RTCP every room sent so far. */
    public RtcpCounters rtcp() {
        return rtcp;
    }

    /**
     * Enters a room, creating it on first use; {@code listener} hears what happens in it from now on.
     *
     * @throws LimitExceededException if the room is full, or it would be a new room past the server's limit
     */
    public Participant join(String roomId, String displayName, ParticipantListener listener)
            throws IOException, LimitExceededException {
        return join(roomId, null, displayName, listener);
    }

    /**
     * Enters a room as {@code identity} (from an access token; null for none). A participant of the same identity
     * already in the room is replaced: it is removed, told why, once the new one is in.
     */
    public Participant join(String roomId, String identity, String displayName, ParticipantListener listener)
            throws IOException, LimitExceededException {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(listener, "listener");
        while (true) {
            Room room = existingOrNewRoom(roomId);
            synchronized (room) {
                // A room found empty may just have been dropped by the last one leaving: look it up again.
                if (rooms.get(roomId) != room) {
                    continue;
                }
                RoomMember replaced = identity == null ? null : room.participants().stream()
                        .filter(member -> identity.equals(member.info().identity())).findFirst().orElse(null);
                if (replaced == null && room.size() >= limits.maxParticipantsPerRoom()) {
                    throw new LimitExceededException("room " + roomId + " is full: it holds at most "
                            + limits.maxParticipantsPerRoom() + " participants");
                }
                Participant participant = new Participant(services, room, "p-" + participantCounter.incrementAndGet(),
                        identity, displayName, listener);
                room.add(participant);
                if (replaced != null) {
                    replaced.remove("joined again from another connection");
                }
                return participant;
            }
        }
    }

    /**
     * The room, created if it does not exist and the server has room for it. Concurrent creators may overshoot
     * the limit by one room each, never more.
     */
    private Room existingOrNewRoom(String roomId) throws LimitExceededException {
        Room room = rooms.get(roomId);
        if (room != null) {
            return room;
        }
        if (rooms.size() >= limits.maxRooms()) {
            throw new LimitExceededException("the server holds at most " + limits.maxRooms()
                    + " rooms at once; room " + roomId + " cannot be opened now");
        }
        return rooms.computeIfAbsent(roomId, id -> new Room(id, new DataRoom(dataChannelThread)));
    }

    public int roomCount() {
        return rooms.size();
    }

    /** Tracks published in all rooms now. */
    public int trackCount() {
        int count = 0;
        for (Room room : rooms.values()) {
            synchronized (room) {
                count += room.trackCount();
            }
        }
        return count;
    }

    /** Participants removed so far because a media connection of theirs failed (ICE, DTLS or consent). */
    public long mediaConnectionFailures() {
        return mediaConnectionFailures.get();
    }

    public int participantCount() {
        int count = 0;
        for (Room room : rooms.values()) {
            synchronized (room) {
                count += room.size();
            }
        }
        return count;
    }

    /** Every room's participants with their tracks, by room id: what the admin API lists. */
    public SortedMap<String, List<ParticipantInfo>> participantsByRoom() {
        SortedMap<String, List<ParticipantInfo>> byRoom = new TreeMap<>();
        for (Room room : rooms.values()) {
            synchronized (room) {
                List<ParticipantInfo> infos = room.participants().stream().map(RoomMember::info).toList();
                if (!infos.isEmpty()) {
                    byRoom.put(room.id(), infos);
                }
            }
        }
        return byRoom;
    }

    /**
     * Removes a participant, which is told {@code reason}; the others see it leave.
     *
     * @return false if the room holds no such participant
     */
    public boolean removeParticipant(String roomId, String participantId, String reason) {
        Room room = rooms.get(roomId);
        if (room == null) {
            return false;
        }
        RoomMember member;
        synchronized (room) {
            member = room.participants().stream().filter(p -> p.id().equals(participantId)).findFirst()
                    .orElse(null);
        }
        if (member == null) {
            return false;
        }
        member.remove(reason);
        return true;
    }

    /**
     * Mutes or unmutes a track for everyone, its publisher included: while the server mutes it, its packets are
     * dropped whatever its publisher does, and only this call unmutes it. An unmuted video track asks its
     * publisher for a keyframe, so that subscribers' pictures resume at once.
     *
     * @return false if the room holds no such track
     */
    public boolean muteTrack(String roomId, String trackId, boolean muted) {
        Room room = rooms.get(roomId);
        if (room == null) {
            return false;
        }
        synchronized (room) {
            PublishedTrack track = room.track(trackId);
            if (track == null) {
                return false;
            }
            track.setMutedByServer(muted);
            room.announceMute(track, true);
            if (!muted && track.kind() == MediaKind.VIDEO) {
                track.requestKeyframe();
            }
        }
        return true;
    }

    /**
     * Removes everyone from a room, each told {@code reason}; the room goes with its last participant.
     *
     * @return false if there is no such room
     */
    public boolean closeRoom(String roomId, String reason) {
        Room room = rooms.get(roomId);
        if (room == null) {
            return false;
        }
        List<RoomMember> members;
        synchronized (room) {
            members = List.copyOf(room.participants());
        }
        members.forEach(member -> member.remove(reason));
        return true;
    }

    /** Removes everyone and frees every transport. */
    @Override
    public void close() {
        for (Room room : List.copyOf(rooms.values())) {
            List<RoomMember> participants;
            synchronized (room) {
                participants = List.copyOf(room.participants());
            }
            participants.forEach(RoomMember::leave);
        }
        closer.shutdown();
        try {
            if (!closer.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                closer.shutdownNow();
            }
        } catch (InterruptedException e) {
            closer.shutdownNow();
            Thread.currentThread().interrupt();
        }
        dataChannelThread.close();
    }

    /** What participants get of this manager, without a reference back to the class that creates them. */
    private final class Services implements RoomServices {

        @Override
        public void closeInBackground(Runnable release) {
            try {
                closer.execute(release);
            } catch (RejectedExecutionException e) {
                release.run();
            }
        }

        @Override
        public String nextTrackId() {
            return "t-" + trackCounter.incrementAndGet();
        }

        @Override
        public WebRtcTransport newServerTransport(WebRtcTransport.Listener listener) throws IOException {
            return WebRtcTransport.server(transports, ports, listener);
        }

        @Override
        public ForwardingLanes forwardingLanes() {
            return ports.forwardingLanes();
        }

        @Override
        public MediaSettings mediaSettings() {
            return mediaSettings;
        }

        @Override
        public RoomLimits limits() {
            return limits;
        }

        @Override
        public DataChannelThread dataChannelThread() {
            return dataChannelThread;
        }

        @Override
        public DataChannelLimits dataChannelLimits() {
            return dataChannelLimits;
        }

        @Override
        public RetransmissionCounters retransmissionCounters() {
            return retransmissions;
        }

        @Override
        public RtcpCounters rtcpCounters() {
            return rtcp;
        }

        @Override
        public NackResponder newNackResponder() {
            return new NackResponder(new RetransmissionBudget(mediaSettings.retransmissionBitsPerSecond(),
                    System.nanoTime()), retransmissions);
        }

        @Override
        public void countMediaConnectionFailure() {
            mediaConnectionFailures.incrementAndGet();
        }

        @Override
        public void roomMayBeEmpty(Room room) {
            synchronized (room) {
                if (room.isEmpty()) {
                    rooms.remove(room.id(), room);
                }
            }
        }
    }
}
