package dev.switchyard.conference;

/** A request would take a room, participant or server past one of its {@link RoomLimits}; nothing changed. */
public final class LimitExceededException extends Exception {

    public LimitExceededException(String message) {
        super(message);
    }
}
