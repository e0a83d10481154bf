package dev.switchyard.datachannel;

import java.util.Arrays;
import java.util.List;

/**
 * Whom the messages of one channel a participant opened go to, from the channel's DCEP protocol field:
 * {@code to:p-2,p-7} names participants (and {@code to:} nobody); anything else (usually empty) means everyone
 * else in the room.
 *
 * @param room           whether the messages go to everyone else in the room
 * @param participantIds the named receivers when not the room
 */
record Audience(boolean room, List<String> participantIds) {

    static final String NAMED_PREFIX = "to:";

    static Audience ofProtocol(String protocol) {
        if (!protocol.startsWith(NAMED_PREFIX)) {
            return new Audience(true, List.of());
        }
        return named(Arrays.stream(protocol.substring(NAMED_PREFIX.length()).split(","))
                .map(String::trim).filter(id -> !id.isEmpty()).distinct().toList());
    }

    static Audience named(List<String> participantIds) {
        return new Audience(false, List.copyOf(participantIds));
    }
}
