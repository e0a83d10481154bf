package dev.switchyard.signaling;

/**
 * The protocol state of one WebSocket. Methods are called on the socket's event loop, one at a time, and must
 * not block. An exception escaping {@link #onText} is logged and answered with an {@code internal} error; the
 * socket stays open.
 */
public interface WebSocketSession {

    /** A complete text message. */
    void onText(String text);

    /** Whether the client has joined a room; a socket that stays unjoined past the join deadline is closed. */
    boolean isJoined();

    /** The socket closed, for whatever reason; called exactly once. */
    void onClose();
}
