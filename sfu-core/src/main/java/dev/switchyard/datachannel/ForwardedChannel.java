package dev.switchyard.datachannel;

import dev.switchyard.sctp.channel.DataChannel;

/**
 * One channel the server opens towards a receiver: it carries one sender's messages of one label with the
 * ordering and reliability the sender chose, so the receiver gets them as the sender sent them.
 */
record ForwardedChannel(String senderId, String label, boolean ordered, int maxRetransmits,
                        long maxLifetimeMillis) {

    static ForwardedChannel of(String senderId, DataChannel upstream) {
        return new ForwardedChannel(senderId, upstream.label(), upstream.ordered(), upstream.maxRetransmits(),
                upstream.maxLifetimeMillis());
    }

    boolean reliable() {
        return maxRetransmits < 0 && maxLifetimeMillis < 0;
    }
}
