package dev.switchyard.sctp.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchyard.sctp.association.AssociationSettings;
import dev.switchyard.sctp.association.AssociationState;

/** Two {@link DataChannels} wired back to back without loss or delay: DCEP, message kinds, closing. */
class DataChannelsTest {

    /** One end: its channels and what it heard, its outgoing packets queued for the other end. */
    private static final class Peer implements DataChannelListener {
        final ArrayDeque<byte[]> outgoing = new ArrayDeque<>();
        final List<DataChannel> opened = new ArrayList<>();
        final List<DataChannel> closed = new ArrayList<>();
        final List<String> received = new ArrayList<>();
        boolean ready;
        DataChannels channels;

        Peer(boolean dtlsClient) {
            channels = new DataChannels(AssociationSettings.webRtc(), dtlsClient, this, System::nanoTime,
                    new SecureRandom());
        }

        @Override
        public void sendPacket(byte[] packet) {
            outgoing.add(packet);
        }

        @Override
        public void onReady() {
            ready = true;
        }

        @Override
        public void onChannelOpened(DataChannel channel) {
            opened.add(channel);
        }

        @Override
        public void onMessage(DataChannel channel, byte[] data, boolean binary) {
            received.add(channel.label() + (binary ? " binary " : " text ") + new String(data, StandardCharsets.UTF_8));
        }

        @Override
        public void onChannelClosed(DataChannel channel) {
            closed.add(channel);
        }

        @Override
        public void onClosed(String reason) {
            received.add("closed: " + reason);
        }
    }

    private final Peer client = new Peer(true);
    private final Peer server = new Peer(false);

    /** Carries packets both ways until neither end has anything more to say. */
    private void exchange() {
        while (!client.outgoing.isEmpty() || !server.outgoing.isEmpty()) {
            while (!client.outgoing.isEmpty()) {
                byte[] packet = client.outgoing.poll();
                server.channels.receive(packet, 0, packet.length);
            }
            while (!server.outgoing.isEmpty()) {
                byte[] packet = server.outgoing.poll();
                client.channels.receive(packet, 0, packet.length);
            }
        }
    }

    private void connect() {
        client.channels.connect();
        server.channels.connect();
        exchange();
        assertTrue(client.ready && server.ready);
    }

    @Test
    void aChannelOpenedByLabelArrivesWithItsReliabilityAndCarriesTextBinaryAndEmptyMessages() {
        connect();
        DataChannel chat = client.channels.open("messages", "json", true, -1, -1);
        client.channels.send(chat, "{\"hello\":1}".getBytes(StandardCharsets.UTF_8), false);
        client.channels.send(chat, new byte[] {'b', 'i', 'n'}, true);
        client.channels.send(chat, new byte[0], false);
        exchange();
        assertEquals(List.of(new DataChannel(0, "messages", "json", true, -1, -1)), server.opened);
        assertEquals(List.of("messages text {\"hello\":1}", "messages binary bin", "messages text "), server.received);

        DataChannel state = server.channels.open("state", "", false, 0, -1);
        assertEquals(1, state.streamId(), "the DTLS server opens odd streams");
        server.channels.send(state, "x".getBytes(StandardCharsets.UTF_8), false);
        exchange();
        assertEquals(List.of(new DataChannel(1, "state", "", false, 0, -1)), client.opened);
        assertEquals(List.of("state text x"), client.received);
    }

    @Test
    void closingAChannelClosesItAtBothEnds() {
        connect();
        DataChannel channel = client.channels.open("messages", "", true, -1, -1);
        exchange();
        client.channels.close(channel);
        exchange();
        assertEquals(List.of(channel), client.closed);
        assertEquals(1, server.closed.size());
        assertTrue(client.channels.channels().isEmpty() && server.channels.channels().isEmpty());
        assertThrows(IllegalStateException.class, () -> client.channels.send(channel, new byte[1], true));
    }

    @Test
    void shutdownEndsTheAssociationAtBothEnds() {
        connect();
        client.channels.shutdown();
        exchange();
        assertEquals(AssociationState.TERMINATED, client.channels.state());
        assertEquals(AssociationState.TERMINATED, server.channels.state());
    }

    @Test
    void streamsOfClosedChannelsAreUsedAgainOnceTheNumbersRunOut() {
        connect();
        DataChannel kept = server.channels.open("kept", "", true, -1, -1);
        for (int i = 0; i < 40_000; i++) {
            DataChannel channel = server.channels.open("short-lived", "", true, -1, -1);
            assertEquals(1, channel.streamId() % 2, "the DTLS server's streams stay odd");
            assertTrue(channel.streamId() <= 65534, "stream 65535 is reserved");
            server.channels.close(channel);
            exchange();
        }
        assertEquals(List.of(kept), server.channels.channels());
        assertEquals(1, client.channels.channels().size());
    }

    @Test
    void theBufferedAmountCountsEveryChannelUntilThePeerAcknowledges() {
        client.channels.connect();
        DataChannel first = client.channels.open("a", "", true, -1, -1);
        DataChannel second = client.channels.open("b", "", true, -1, -1);
        client.channels.send(first, new byte[1000], true);
        client.channels.send(second, new byte[500], true);
        assertTrue(client.channels.bufferedAmount() >= 1500, "held before the association is up");
        server.channels.connect();
        exchange();
        assertEquals(0, client.channels.bufferedAmount());
    }
}
