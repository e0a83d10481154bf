package dev.switchyard.signaling.sfu;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchyard.signaling.message.Json;

/**
 * A STUN or TURN server that clients put in their {@code RTCPeerConnection} configuration (the W3C
 * {@code RTCIceServer} dictionary), sent to them in {@code joined}.
 *
 * @param urls e.g. {@code stun:stun.example.org:3478}; at least one
 * @param username TURN user name, or null
 * @param credential TURN password, or null
 */
public record IceServer(List<String> urls, String username, String credential) {

    public IceServer {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("an ICE server needs at least one URL");
        }
    }

    ObjectNode toJson() {
        ObjectNode node = Json.object();
        urls.forEach(node.putArray("urls")::add);
        if (username != null) {
            node.put("username", username);
        }
        if (credential != null) {
            node.put("credential", credential);
        }
        return node;
    }

    @Override
    public String toString() {
        // Keeps the TURN password out of logs.
        return "IceServer" + urls + (username == null ? "" : " as " + username);
    }
}
