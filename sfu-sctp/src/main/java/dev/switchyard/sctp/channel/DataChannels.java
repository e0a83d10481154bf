package dev.switchyard.sctp.channel;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import dev.switchyard.sctp.PayloadProtocol;
import dev.switchyard.sctp.SctpParseException;
import dev.switchyard.sctp.association.Association;
import dev.switchyard.sctp.association.AssociationListener;
import dev.switchyard.sctp.association.AssociationSettings;
import dev.switchyard.sctp.association.AssociationState;
import dev.switchyard.sctp.dcep.DataChannelAck;
import dev.switchyard.sctp.dcep.DataChannelOpen;

/**
 * The data channels of one peer connection (RFC 8831) over one {@link Association}: opening by label with DCEP
 * (RFC 8832), text, binary and empty messages by payload protocol identifier (RFC 8831 §6.6), closing by stream
 * reset (§6.7). Single-threaded like the association beneath it.
 */
public final class DataChannels {

    /** RFC 8831 §6.2: stream 65535 is reserved. */
    private static final int MAX_STREAM_ID = 65534;

    private final Association association;
    private final DataChannelListener listener;
    /** RFC 8832 §6: the DTLS client opens channels on even streams, the server on odd ones. */
    private int nextStreamId;
    private final Map<Integer, DataChannel> channels = new HashMap<>();
    /** Channels this end closed, whose incoming stream the peer has yet to reset. */
    private final Set<Integer> closing = new HashSet<>();
    private long messagesDropped;

    public DataChannels(AssociationSettings settings, boolean dtlsClient, DataChannelListener listener,
                        LongSupplier nanoClock, SecureRandom random) {
        this.listener = listener;
        this.nextStreamId = dtlsClient ? 0 : 1;
        this.association = new Association(settings, new Events(), nanoClock, random);
    }

    /** Starts the association from this end; WebRTC peers both do (RFC 8841 §6). */
    public void connect() {
        association.connect();
    }

    /** One SCTP packet from the peer (decrypted DTLS application data). */
    public void receive(byte[] buffer, int offset, int length) {
        association.receive(buffer, offset, length);
    }

    public long nextTimeoutNanos() {
        return association.nextTimeoutNanos();
    }

    public void handleTimeouts() {
        association.handleTimeouts();
    }

    public AssociationState state() {
        return association.state();
    }

    public Collection<DataChannel> channels() {
        return List.copyOf(channels.values());
    }

    /** Messages that arrived on no open channel or with an unknown payload protocol, and were dropped. */
    public long messagesDropped() {
        return messagesDropped;
    }

    public long bufferedAmount(DataChannel channel) {
        return association.bufferedAmount(channel.streamId());
    }

    /** SCTP packets from the peer that were malformed, misaddressed or out of window, and dropped. */
    public long packetsDropped() {
        return association.packetsDropped();
    }

    /** DATA chunks sent again: after a timeout or on the peer's miss reports. */
    public long retransmissions() {
        return association.retransmissions();
    }

    /** Bytes queued on every channel and not yet acknowledged. */
    public long bufferedAmount() {
        return association.bufferedAmount();
    }

    /**
     * Opens a channel from this end (RFC 8832 §6): DATA_CHANNEL_OPEN on the next free stream of this end's
     * parity. Messages may follow at once; the open message arrives first, as it is sent ordered and reliably.
     *
     * @throws IllegalStateException if every stream of this end's parity is open or still closing
     */
    public DataChannel open(String label, String protocol, boolean ordered, int maxRetransmits,
                            long maxLifetimeMillis) {
        int streamId = freeStreamId();
        DataChannel channel = new DataChannel(streamId, label, protocol, ordered, maxRetransmits,
                maxLifetimeMillis);
        channels.put(channel.streamId(), channel);
        association.send(channel.streamId(), PayloadProtocol.DCEP, channel.toOpenMessage().serialize(), true, -1, -1);
        return channel;
    }

    /** The next stream of this end's parity that no channel holds, from where the last search ended. */
    private int freeStreamId() {
        for (int tried = 0; tried <= MAX_STREAM_ID / 2; tried++) {
            int candidate = nextStreamId;
            nextStreamId += 2;
            if (nextStreamId > MAX_STREAM_ID) {
                nextStreamId &= 1;
            }
            if (!channels.containsKey(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("every data channel stream of this end is in use");
    }

    /**
     * Sends a message with the channel's ordering and reliability.
     *
     * @throws IllegalArgumentException if it is larger than the negotiated maximum message size
     */
    public void send(DataChannel channel, byte[] data, boolean binary) {
        if (!channels.containsKey(channel.streamId()) || closing.contains(channel.streamId())) {
            throw new IllegalStateException("data channel " + channel.label() + " is closed");
        }
        // SCTP has no empty message: RFC 8831 §6.6 sends one byte under the "empty" identifiers instead.
        long protocol = data.length == 0
                ? (binary ? PayloadProtocol.BINARY_EMPTY : PayloadProtocol.STRING_EMPTY)
                : (binary ? PayloadProtocol.BINARY : PayloadProtocol.STRING);
        association.send(channel.streamId(), protocol, data.length == 0 ? new byte[1] : data, channel.ordered(),
                channel.maxRetransmits(), channel.maxLifetimeMillis());
    }

    /** Closes a channel (RFC 8831 §6.7): resets this end's outgoing stream; the peer resets its own in turn. */
    public void close(DataChannel channel) {
        if (channels.containsKey(channel.streamId()) && closing.add(channel.streamId())) {
            association.resetOutgoingStreams(List.of(channel.streamId()));
        }
    }

    /** Ends the association gracefully after what is queued. */
    public void shutdown() {
        association.shutdown();
    }

    public void abort(String reason) {
        association.abort(reason);
    }

    private void onDcep(int streamId, byte[] message) {
        if (DataChannelAck.isAck(message)) {
            return;
        }
        DataChannelOpen open;
        try {
            open = DataChannelOpen.parse(message);
        } catch (SctpParseException e) {
            messagesDropped++;
            return;
        }
        if (channels.containsKey(streamId)) {
            messagesDropped++;
            return;
        }
        DataChannel channel = DataChannel.fromOpenMessage(streamId, open);
        channels.put(streamId, channel);
        association.send(streamId, PayloadProtocol.DCEP, new DataChannelAck().serialize(), true, -1, -1);
        listener.onChannelOpened(channel);
    }

    private void onUserMessage(int streamId, long protocol, byte[] message) {
        DataChannel channel = channels.get(streamId);
        boolean binary = protocol == PayloadProtocol.BINARY || protocol == PayloadProtocol.BINARY_EMPTY;
        boolean text = protocol == PayloadProtocol.STRING || protocol == PayloadProtocol.STRING_EMPTY;
        if (channel == null || !binary && !text) {
            messagesDropped++;
            return;
        }
        boolean empty = protocol == PayloadProtocol.STRING_EMPTY || protocol == PayloadProtocol.BINARY_EMPTY;
        listener.onMessage(channel, empty ? new byte[0] : message, binary);
    }

    private void onIncomingReset(int streamId) {
        DataChannel channel = channels.get(streamId);
        if (channel == null) {
            return;
        }
        if (!closing.remove(streamId)) {
            // The peer closed the channel: close this end's half too (RFC 8831 §6.7).
            association.resetOutgoingStreams(List.of(streamId));
        }
        channels.remove(streamId);
        listener.onChannelClosed(channel);
    }

    /** The association's events, turned into channel events. */
    private final class Events implements AssociationListener {
        @Override
        public void sendPacket(byte[] packet) {
            listener.sendPacket(packet);
        }

        @Override
        public void onEstablished() {
            listener.onReady();
        }

        @Override
        public void onMessage(int streamId, long payloadProtocolId, byte[] message) {
            if (payloadProtocolId == PayloadProtocol.DCEP) {
                onDcep(streamId, message);
            } else {
                onUserMessage(streamId, payloadProtocolId, message);
            }
        }

        @Override
        public void onIncomingStreamReset(int streamId) {
            onIncomingReset(streamId);
        }

        @Override
        public void onClosed(String reason) {
            channels.clear();
            closing.clear();
            listener.onClosed(reason);
        }
    }
}
