package dev.switchyard.conference;

/** Which of a participant's two connections a message is about (see docs/PROTOCOL.md). */
public enum TransportTarget {
    /** The connection the participant sends its tracks on; the participant makes the offers. */
    PUBLISHER,
    /** The connection the participant receives tracks on; the server makes the offers. */
    SUBSCRIBER
}
