package dev.switchyard.signaling.auth;

/**
 * The rooms an admin request may act on: every room (the admin key) or the one room of an access token that
 * carries the admin grant.
 *
 * @param room the one room, or null for every room
 */
public record AdminScope(String room) {

    public static final AdminScope EVERY_ROOM = new AdminScope(null);

    public boolean everyRoom() {
        return room == null;
    }

    public boolean covers(String roomId) {
        return room == null || room.equals(roomId);
    }
}
