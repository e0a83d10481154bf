package dev.switchyard.conference;

/**
 * How much one server, room and participant may hold, so that no client can grow the server's state, or the
 * offers every other participant receives, without bound. A request past a limit is refused with a
 * {@link LimitExceededException} and changes nothing.
 *
 * @param maxRooms                 rooms at once on this server
 * @param maxParticipantsPerRoom   participants at once in one room
 * @param maxTracksPerParticipant  tracks one participant publishes at once (sending m-lines of its offer)
 * @param maxMediaLinesPerOffer    m-lines in one publisher offer, sending or not
 */
public record RoomLimits(int maxRooms, int maxParticipantsPerRoom, int maxTracksPerParticipant,
                         int maxMediaLinesPerOffer) {

    /** Generous for a conference and a 1 → 200 load run, small enough that one client cannot exhaust a server. */
    public static final RoomLimits DEFAULTS = new RoomLimits(1000, 500, 16, 64);

    public RoomLimits {
        if (maxRooms < 1 || maxParticipantsPerRoom < 1 || maxTracksPerParticipant < 1 || maxMediaLinesPerOffer < 1) {
            throw new IllegalArgumentException("room limits must be at least 1: " + this);
        }
    }
}
