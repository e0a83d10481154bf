package dev.switchyard.datachannel;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchyard.sctp.association.AssociationSettings;
import dev.switchyard.sctp.association.AssociationState;
import dev.switchyard.sctp.channel.DataChannel;
import dev.switchyard.sctp.channel.DataChannelListener;
import dev.switchyard.sctp.channel.DataChannels;

/**
 * One participant's data channels in a room: the SCTP association on its connection, the channels it opens
 * (whose messages go to the room or to named participants), and the channels the server opens towards it, one
 * per sender and label, whose DCEP protocol field names the sender.
 *
 * <p>Packets arrive from the transport on any thread and are copied into a task; everything else runs on the
 * {@link DataChannelThread}.
 */
public final class DataEndpoint {

    /** Carries one SCTP packet to the participant as DTLS application data. */
    public interface PacketSender {
        /** False when the packet could not be sent; to SCTP a lost packet, which it repairs. */
        boolean send(byte[] packet);
    }

    /** Tells the participant, by signaling, why the server closed a channel towards it. */
    public interface ClosingNotice {
        /** Called on the data channel thread; must not block. */
        void channelClosed(String senderId, String label, String reason);
    }

    /** The reason a reliable channel is closed when its receiver lets too much queue up. */
    public static final String RECEIVER_TOO_SLOW = "receiver_too_slow";

    /**
     * SCTP packets no larger than what one DTLS 1.2 record carries in a 1,200-byte datagram under the server's
     * AES-GCM suites (1,163 bytes), so no packet is refused by DTLS whatever the transport's state.
     */
    private static final int PACKET_LIMIT = 1150;
    private static final Logger LOG = LoggerFactory.getLogger(DataEndpoint.class);

    private final DataChannelThread thread;
    private final DataRoom room;
    private final String participantId;
    private final boolean maySend;
    private final DataChannelLimits limits;
    private final DataChannelCounters counters;
    private final PacketSender sender;
    private final ClosingNotice closingNotice;
    private final DataChannels channels;
    /** Channels the participant opened, with whom their messages go to. */
    private final Map<Integer, Audience> audiences = new HashMap<>();
    private final Map<ForwardedChannel, DataChannel> forwarded = new HashMap<>();
    /** The sender each forwarded channel carries, by stream: a message the participant sends back on it goes there. */
    private final Map<Integer, String> sendersByStream = new HashMap<>();
    /** Reliable channels closed for this receiver's slowness: their messages are dropped from then on. */
    private final Set<ForwardedChannel> cut = new HashSet<>();
    private ScheduledFuture<?> timer;
    private long timerAtNanos;
    private boolean closed;

    /**
     * @param maxMessageSize the largest message both ends take: the smaller of the server's and the peer's
     *                       {@code a=max-message-size}
     * @param dtlsClient     whether the server is the DTLS client of the connection (it then opens even streams)
     * @param maySend        whether the participant's messages are forwarded (its token grants data)
     */
    public DataEndpoint(DataChannelThread thread, DataRoom room, String participantId, boolean maySend,
                        DataChannelLimits limits, int sctpPort, int maxMessageSize, boolean dtlsClient,
                        PacketSender sender, ClosingNotice closingNotice) {
        this.thread = thread;
        this.room = room;
        this.participantId = participantId;
        this.maySend = maySend;
        this.limits = limits;
        this.counters = thread.counters();
        this.sender = sender;
        this.closingNotice = closingNotice;
        AssociationSettings settings = AssociationSettings.webRtc().withPort(sctpPort)
                .withMaxMessageSize(maxMessageSize).withMtu(PACKET_LIMIT);
        this.channels = new DataChannels(settings, dtlsClient, new Events(), thread::nanoTime, thread.random());
        thread.execute(() -> room.join(this));
    }

    public String participantId() {
        return participantId;
    }

    /** The connection's DTLS is up: the association starts (both ends start it, RFC 8841 §6). */
    public void onTransportConnected() {
        thread.execute(() -> {
            if (!closed) {
                channels.connect();
                reschedule();
            }
        });
    }

    /** One SCTP packet from the participant; copied, so the caller keeps its buffer. */
    public void receive(byte[] buffer, int offset, int length) {
        byte[] packet = Arrays.copyOfRange(buffer, offset, offset + length);
        thread.execute(() -> {
            if (!closed) {
                channels.receive(packet, 0, packet.length);
                reschedule();
            }
        });
    }

    /** The participant left: its association ends and the others close the channels that carried its messages. */
    public void close() {
        thread.execute(() -> {
            if (closed) {
                return;
            }
            closed = true;
            LOG.info("data channels closed participant={}: {} packets dropped, {} retransmissions", participantId,
                    channels.packetsDropped(), channels.retransmissions());
            room.leave(this);
            channels.abort("the participant left");
            if (timer != null) {
                timer.cancel(false);
            }
        });
    }

    /** A copy of a message from {@code senderId}, sent on the channel for that sender and label. */
    void deliver(String senderId, DataChannel upstream, byte[] data, boolean binary) {
        if (closed || channels.state() == AssociationState.TERMINATED) {
            return;
        }
        ForwardedChannel route = ForwardedChannel.of(senderId, upstream);
        if (cut.contains(route)) {
            counters.countDroppedForSlowReceiver();
            return;
        }
        long buffered = channels.bufferedAmount();
        if (!route.reliable() && buffered > limits.unreliableBytes()) {
            counters.countDroppedForSlowReceiver();
            return;
        }
        if (route.reliable() && buffered > limits.reliableBytes()) {
            cutForSlowness(route, buffered);
            return;
        }
        try {
            DataChannel channel = forwarded.get(route);
            if (channel == null) {
                channel = channels.open(route.label(), senderId, route.ordered(), route.maxRetransmits(),
                        route.maxLifetimeMillis());
                forwarded.put(route, channel);
                sendersByStream.put(channel.streamId(), senderId);
            }
            channels.send(channel, data, binary);
            counters.countForwarded(channels.bufferedAmount());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Larger than this receiver takes, no stream left, or the association is ending.
            counters.countRefused();
        }
        reschedule();
    }

    /** Closes every channel that carried {@code senderId}'s messages: that participant left. */
    void closeChannelsFrom(String senderId) {
        for (Iterator<Map.Entry<ForwardedChannel, DataChannel>> entries = forwarded.entrySet().iterator();
             entries.hasNext(); ) {
            Map.Entry<ForwardedChannel, DataChannel> entry = entries.next();
            if (entry.getKey().senderId().equals(senderId)) {
                channels.close(entry.getValue());
                sendersByStream.remove(entry.getValue().streamId());
                entries.remove();
            }
        }
        cut.removeIf(route -> route.senderId().equals(senderId));
        reschedule();
    }

    private void cutForSlowness(ForwardedChannel route, long buffered) {
        cut.add(route);
        counters.countDroppedForSlowReceiver();
        counters.countChannelClosedForSlowReceiver();
        DataChannel channel = forwarded.remove(route);
        if (channel != null) {
            channels.close(channel);
            sendersByStream.remove(channel.streamId());
        }
        LOG.info("data channel closed participant={} sender={} label={}: the receiver is too slow ({} bytes "
                + "queued, limit {})", participantId, route.senderId(), route.label(), buffered,
                limits.reliableBytes());
        closingNotice.channelClosed(route.senderId(), route.label(), RECEIVER_TOO_SLOW);
    }

    /** Keeps one timer, at the association's next deadline. */
    private void reschedule() {
        long next = channels.nextTimeoutNanos();
        if (closed || next == Long.MAX_VALUE || timer != null && timerAtNanos <= next) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        timerAtNanos = next;
        timer = thread.schedule(this::onTimer, next - thread.nanoTime());
    }

    private void onTimer() {
        timer = null;
        if (!closed) {
            channels.handleTimeouts();
            reschedule();
        }
    }

    /** The association's events: upstream channels and their messages; packets to the transport. */
    private final class Events implements DataChannelListener {
        @Override
        public void sendPacket(byte[] packet) {
            sender.send(packet);
        }

        @Override
        public void onReady() {
            LOG.debug("data channels ready participant={}", participantId);
        }

        @Override
        public void onChannelOpened(DataChannel channel) {
            audiences.put(channel.streamId(), Audience.ofProtocol(channel.protocol()));
        }

        @Override
        public void onMessage(DataChannel channel, byte[] data, boolean binary) {
            counters.countReceived();
            Audience audience = audienceOf(channel);
            if (!maySend || audience == null) {
                counters.countRefused();
                return;
            }
            room.route(DataEndpoint.this, audience, channel, data, binary);
        }

        /** A channel the participant opened goes to its audience; a reply on a forwarded one, to its sender. */
        private Audience audienceOf(DataChannel channel) {
            Audience audience = audiences.get(channel.streamId());
            if (audience != null) {
                return audience;
            }
            String repliedTo = sendersByStream.get(channel.streamId());
            return repliedTo == null ? null : Audience.named(List.of(repliedTo));
        }

        @Override
        public void onChannelClosed(DataChannel channel) {
            audiences.remove(channel.streamId());
            sendersByStream.remove(channel.streamId());
            forwarded.values().remove(channel);
        }

        @Override
        public void onClosed(String reason) {
            LOG.debug("data channels closed participant={}: {}", participantId, reason);
            audiences.clear();
            sendersByStream.clear();
            forwarded.clear();
        }
    }
}
