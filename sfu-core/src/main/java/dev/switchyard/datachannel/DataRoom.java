package dev.switchyard.datachannel;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.switchyard.sctp.channel.DataChannel;

/**
 * The data channel endpoints of one room by participant id, and the routing of each message to its audience.
 * Confined to the {@link DataChannelThread}: endpoints join and leave through tasks on it.
 */
public final class DataRoom {

    private final Map<String, DataEndpoint> endpoints = new LinkedHashMap<>();
    private final DataChannelCounters counters;

    public DataRoom(DataChannelThread thread) {
        this.counters = thread.counters();
    }

    void join(DataEndpoint endpoint) {
        endpoints.put(endpoint.participantId(), endpoint);
    }

    /** The endpoint leaves; every other endpoint closes the channels that carried its messages. */
    void leave(DataEndpoint endpoint) {
        if (endpoints.remove(endpoint.participantId(), endpoint)) {
            endpoints.values().forEach(other -> other.closeChannelsFrom(endpoint.participantId()));
        }
    }

    /** A message {@code sender} sent on {@code upstream}: a copy to each receiver its audience names. */
    void route(DataEndpoint sender, Audience audience, DataChannel upstream, byte[] data, boolean binary) {
        if (audience.room()) {
            for (DataEndpoint receiver : endpoints.values()) {
                if (receiver != sender) {
                    receiver.deliver(sender.participantId(), upstream, data, binary);
                }
            }
            return;
        }
        for (String participantId : audience.participantIds()) {
            DataEndpoint receiver = endpoints.get(participantId);
            if (receiver == null || receiver == sender) {
                counters.countRefused();
            } else {
                receiver.deliver(sender.participantId(), upstream, data, binary);
            }
        }
    }
}
