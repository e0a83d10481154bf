package dev.switchyard.datachannel;

import java.util.Arrays;
import java.util.List;

/**
 * Whom the messages of one channel a participant opened go to, from the channel's DCEP protocol field:
 * {@code to:p-2,p-7} names participants; anything else (usually empty) means everyone else in the room.
 *
 * @param participantIds the named receivers, or empty for the room
 */
record Audience(List<String> participantIds) {

    static final String NAMED_PREFIX = "to:";

    static Audience ofProtocol(String protocol) {
        if (!protocol.startsWith(NAMED_PREFIX)) {
            return new Audience(List.of());
        }
        return new Audience(Arrays.stream(protocol.substring(NAMED_PREFIX.length()).split(","))
                .map(String::trim).filter(id -> !id.isEmpty()).distinct().toList());
    }

    boolean isRoom() {
        return participantIds.isEmpty();
    }
}
