package dev.switchyard.sctp.association;

/** Where an association is in its life (RFC 9260 §4), in the states this implementation passes through. */
public enum AssociationState {
    /** Nothing sent yet: waiting for the peer's INIT, or for {@link Association#connect}. */
    CLOSED,
    /** INIT sent, waiting for INIT ACK. */
    COOKIE_WAIT,
    /** COOKIE ECHO sent, waiting for COOKIE ACK. */
    COOKIE_ECHOED,
    ESTABLISHED,
    /** {@link Association#shutdown} was called: what is queued still goes, then SHUTDOWN. */
    SHUTDOWN_PENDING,
    SHUTDOWN_SENT,
    /** The peer sent SHUTDOWN: what is queued still goes, then SHUTDOWN ACK. */
    SHUTDOWN_RECEIVED,
    SHUTDOWN_ACK_SENT,
    /** Ended, gracefully or not; final. */
    TERMINATED
}
