package dev.switchyard.conference;

/** A participant as its room sees it: who it is, how to tell it things, and how to make it leave. */
interface RoomMember {

    String id();

    /** Its presence and tracks, as others are told. */
    ParticipantInfo info();

    ParticipantListener listener();

    /** Leaves the room and frees its connections. */
    void leave();

    /** Is removed by the server: like {@link #leave}, and its client is told {@code reason}. */
    void remove(String reason);
}
