package dev.switchyard.benchmarks;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import dev.switchyard.sctp.PayloadProtocol;
import dev.switchyard.sctp.SctpPacket;
import dev.switchyard.sctp.SctpParseException;
import dev.switchyard.sctp.association.Association;
import dev.switchyard.sctp.association.AssociationListener;
import dev.switchyard.sctp.association.AssociationSettings;
import dev.switchyard.sctp.chunk.DataChunk;
import dev.switchyard.sctp.chunk.GapAckBlock;
import dev.switchyard.sctp.chunk.SackChunk;

/**
 * The SCTP beneath data channels (sfu-sctp), in the two packets their traffic is made of and in whole rounds of
 * a message and its acknowledgement.
 *
 * <p>{@link #parseData} and {@link #parseSack} run {@link SctpPacket#parse}: the CRC32c over the whole packet, then
 * the chunk records, a parsed DATA chunk holding its own copy of the user data.
 *
 * <p>The rounds run two {@link Association}s with {@link AssociationSettings#webRtc()} back to back in memory
 * ({@link Link}): one 1,000-byte message, ordered and reliable, goes from end A to end B and B's SACK comes back,
 * so one operation is one message delivered and acknowledged. B does not acknowledge every packet at once: it
 * acknowledges every second DATA packet at once and a lone one when its delayed-ack timer expires (RFC 9260 §6.2,
 * 100 ms in these settings), which gives two rounds:
 * <ul>
 *   <li>{@link #loneMessageRound}: one message, then the clock jumps to B's next timeout, the delayed ack, and B's
 *       {@link Association#handleTimeouts} sends the SACK; one SACK per message, as for a channel that sends now
 *       and then;</li>
 *   <li>{@link #messagePairRound}: two messages in two packets, the second of which makes B acknowledge both at
 *       once without the clock moving; one SACK per two messages, as for a channel that streams. Times and bytes
 *       are per message ({@link OperationsPerInvocation}).</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SctpBenchmark {

    /** A message a browser's data channel sends in one DATA chunk: it fits the 1200-byte MTU of the settings. */
    private static final int MESSAGE_SIZE = 1000;
    /** The stream of the first channel a browser opens as DTLS client, which takes the even ones (RFC 8832 §6). */
    private static final int STREAM_ID = 0;
    private static final int PORT = AssociationSettings.DEFAULT_PORT;
    private static final long VERIFICATION_TAG = 0x3A5C_71E9L;

    @Benchmark
    public SctpPacket parseData(Packets packets) throws SctpParseException {
        return SctpPacket.parse(packets.data, 0, packets.data.length);
    }

    @Benchmark
    public SctpPacket parseSack(Packets packets) throws SctpParseException {
        return SctpPacket.parse(packets.sack, 0, packets.sack.length);
    }

    @Benchmark
    public void loneMessageRound(Link link) {
        link.a.association.send(STREAM_ID, PayloadProtocol.BINARY, link.message, true, -1, -1);
        link.deliverQueued();
        link.runTimersOfB();
        link.deliverQueued();
    }

    @Benchmark
    @OperationsPerInvocation(2)
    public void messagePairRound(Link link) {
        link.a.association.send(STREAM_ID, PayloadProtocol.BINARY, link.message, true, -1, -1);
        link.a.association.send(STREAM_ID, PayloadProtocol.BINARY, link.message, true, -1, -1);
        link.deliverQueued();
    }

    /** The two packets to parse, written by the module's own {@link SctpPacket#serialize}, checked to parse back. */
    @State(Scope.Thread)
    public static class Packets {

        /** One DATA chunk carrying 1,000 bytes of user data: 1,028 bytes. */
        private byte[] data;
        /** One SACK reporting two gap ack blocks and no duplicates: 36 bytes. */
        private byte[] sack;

        @Setup
        public void write() throws SctpParseException {
            byte[] userData = message();
            data = new SctpPacket(PORT, PORT, VERIFICATION_TAG, List.of(new DataChunk(0x1F2E_3D4CL, STREAM_ID, 17,
                    PayloadProtocol.BINARY, false, true, true, false, userData))).serialize();
            // TSNs +1 and +4 after the cumulative one were lost, +2..+3 and +5..+7 arrived and wait in the window.
            SackChunk sackChunk = new SackChunk(0x1F2E_3D4CL, 1024 * 1024 - 5 * MESSAGE_SIZE,
                    List.of(new GapAckBlock(2, 3), new GapAckBlock(5, 7)), List.of());
            sack = new SctpPacket(PORT, PORT, VERIFICATION_TAG, List.of(sackChunk)).serialize();

            SctpPacket parsed = SctpPacket.parse(data, 0, data.length);
            if (parsed.chunks().size() != 1 || !(parsed.chunks().get(0) instanceof DataChunk chunk)
                    || !Arrays.equals(chunk.payload(), userData)) {
                throw new IllegalStateException("the DATA packet did not parse back: " + parsed);
            }
            if (!SctpPacket.parse(sack, 0, sack.length).chunks().equals(List.of(sackChunk))) {
                throw new IllegalStateException("the SACK packet did not parse back");
            }
        }
    }

    /**
     * Two associations on one thread and one clock: each packet an end hands to its listener waits in that end's
     * queue until {@link #deliverQueued} gives it to the other end, and the clock moves only when
     * {@link #runTimersOfB} moves it.
     */
    @State(Scope.Thread)
    public static class Link {

        private final End a = new End();
        private final End b = new End();
        /** Sent over and over: an association keeps the array until acknowledged and never changes it. */
        private final byte[] message = message();
        private long nowNanos = 1_000_000_000L;

        /** A connects, as a browser's DTLS client does, and the handshake runs to the end on both sides. */
        @Setup
        public void establish() {
            AssociationSettings settings = AssociationSettings.webRtc();
            a.association = new Association(settings, a, () -> nowNanos, new SecureRandom());
            b.association = new Association(settings, b, () -> nowNanos, new SecureRandom());
            a.association.connect();
            deliverQueued();
            if (!a.established || !b.established) {
                throw new IllegalStateException("the associations did not come up");
            }
            requireRoundsAsDescribed(settings.delayedAck().toNanos());
        }

        /** Hands every queued packet to the other end, both ways, until neither end has anything left to send. */
        void deliverQueued() {
            while (!a.outbox.isEmpty() || !b.outbox.isEmpty()) {
                deliver(a, b);
                deliver(b, a);
            }
        }

        private static void deliver(End from, End to) {
            byte[] packet;
            while ((packet = from.outbox.poll()) != null) {
                to.association.receive(packet, 0, packet.length);
            }
        }

        /** Moves the clock to B's next timer, as an owner's event loop does, and lets B act on it. */
        void runTimersOfB() {
            nowNanos = b.association.nextTimeoutNanos();
            b.association.handleTimeouts();
        }

        /**
         * Checks that a lone message waits for B's delayed-ack timer and nothing else, and that a pair is
         * acknowledged at once, both delivered intact.
         */
        private void requireRoundsAsDescribed(long delayedAckNanos) {
            a.association.send(STREAM_ID, PayloadProtocol.BINARY, message, true, -1, -1);
            long sentAt = nowNanos;
            deliverQueued();
            if (!Arrays.equals(b.lastMessage, message) || a.association.bufferedAmount(STREAM_ID) != MESSAGE_SIZE
                    || b.association.nextTimeoutNanos() != sentAt + delayedAckNanos) {
                throw new IllegalStateException("a lone message was not delivered and held for the delayed ack");
            }
            runTimersOfB();
            deliverQueued();
            requireAllAcknowledged("the delayed ack");

            a.association.send(STREAM_ID, PayloadProtocol.BINARY, message, true, -1, -1);
            a.association.send(STREAM_ID, PayloadProtocol.BINARY, message, true, -1, -1);
            deliverQueued();
            requireAllAcknowledged("a pair");
        }

        private void requireAllAcknowledged(String after) {
            if (a.association.bufferedAmount(STREAM_ID) != 0
                    || b.association.messagesReceived() != a.association.messagesSent()) {
                throw new IllegalStateException("not everything was delivered and acknowledged after " + after);
            }
        }

        /** Fails the run if a message was lost, retransmitted or dropped, or is still unacknowledged. */
        @TearDown
        public void checkEveryMessageAcknowledgedOnce() {
            requireAllAcknowledged("the run");
            long trouble = a.association.retransmissions() + a.association.packetsDropped()
                    + b.association.packetsDropped();
            if (trouble != 0) {
                throw new IllegalStateException("retransmissions or dropped packets: " + trouble);
            }
        }
    }

    /** One end: queues what its association sends, keeps the last message it delivered, and may not close. */
    private static final class End implements AssociationListener {

        final ArrayDeque<byte[]> outbox = new ArrayDeque<>();
        Association association;
        boolean established;
        byte[] lastMessage;

        @Override
        public void sendPacket(byte[] packet) {
            outbox.add(packet);
        }

        @Override
        public void onEstablished() {
            established = true;
        }

        @Override
        public void onMessage(int streamId, long payloadProtocolId, byte[] message) {
            lastMessage = message;
        }

        @Override
        public void onIncomingStreamReset(int streamId) {
            throw new IllegalStateException("the peer reset stream " + streamId);
        }

        @Override
        public void onClosed(String reason) {
            throw new IllegalStateException("the association closed: " + reason);
        }
    }

    private static byte[] message() {
        byte[] message = new byte[MESSAGE_SIZE];
        for (int i = 0; i < message.length; i++) {
            message[i] = (byte) (i * 31 + 7);
        }
        return message;
    }
}
