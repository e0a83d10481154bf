package dev.switchyard.signaling;

/** Creates the session of a new WebSocket on one endpoint path. */
@FunctionalInterface
public interface WebSocketSessionFactory {

    WebSocketSession open(SessionChannel channel);
}
