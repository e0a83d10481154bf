package dev.switchyard.sctp.association;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import dev.switchyard.sctp.SctpPacket;
import dev.switchyard.sctp.SctpParseException;
import dev.switchyard.sctp.chunk.AbortChunk;
import dev.switchyard.sctp.chunk.Chunk;
import dev.switchyard.sctp.chunk.CookieAckChunk;
import dev.switchyard.sctp.chunk.CookieEchoChunk;
import dev.switchyard.sctp.chunk.DataChunk;
import dev.switchyard.sctp.chunk.ErrorCause;
import dev.switchyard.sctp.chunk.ErrorChunk;
import dev.switchyard.sctp.chunk.ForwardTsnChunk;
import dev.switchyard.sctp.chunk.HeartbeatAckChunk;
import dev.switchyard.sctp.chunk.HeartbeatChunk;
import dev.switchyard.sctp.chunk.InitAckChunk;
import dev.switchyard.sctp.chunk.InitChunk;
import dev.switchyard.sctp.chunk.OutgoingResetRequest;
import dev.switchyard.sctp.chunk.ReconfigChunk;
import dev.switchyard.sctp.chunk.ReconfigParameter;
import dev.switchyard.sctp.chunk.ReconfigResponse;
import dev.switchyard.sctp.chunk.SackChunk;
import dev.switchyard.sctp.chunk.ShutdownAckChunk;
import dev.switchyard.sctp.chunk.ShutdownChunk;
import dev.switchyard.sctp.chunk.ShutdownCompleteChunk;
import dev.switchyard.sctp.chunk.UnknownChunk;

/**
 * One SCTP association as WebRTC runs it over DTLS (RFC 8261, RFC 8831): set-up with a signed cookie (RFC 9260
 * §5), reliable and partially reliable (RFC 3758) delivery of ordered and unordered messages on numbered
 * streams, stream resets to close channels (RFC 6525), and shutdown or abort.
 *
 * <p>No I/O and no threads: the owner feeds it packets ({@link #receive}), messages ({@link #send}) and the
 * passing of time ({@link #handleTimeouts} at {@link #nextTimeoutNanos}), all from one thread, and gets packets
 * and messages back through its {@link AssociationListener}.
 */
public final class Association {

    /** RFC 9260 §15: Valid.Cookie.Life. */
    private static final long COOKIE_LIFE_MILLIS = 60_000;
    private static final long NO_TIMEOUT = Long.MAX_VALUE;
    /** Announced in INIT and INIT ACK (RFC 5061 §4.2.7): partial reliability and stream resets. */
    private static final List<Integer> SUPPORTED_EXTENSIONS = List.of(ForwardTsnChunk.TYPE, ReconfigChunk.TYPE);

    private final AssociationSettings settings;
    private final AssociationListener listener;
    private final LongSupplier nanoClock;
    private final byte[] cookieSecret;
    private final long localTag;
    private final long localInitialTsn;
    private final RetransmissionTimeout rto;
    private final OutgoingPackets packets;
    private final Reassembly reassembly;
    private final StreamResets streamResets;
    /** Messages sent before the association was up, in order. */
    private final ArrayDeque<OutgoingMessage> early = new ArrayDeque<>();
    /** Messages sent on a stream while its reset is pending, in order: they start its new sequence. */
    private final ArrayDeque<OutgoingMessage> heldForReset = new ArrayDeque<>();
    /** Bytes of the messages in {@link #early} and {@link #heldForReset}. */
    private long waitingBytes;

    private AssociationState state = AssociationState.CLOSED;
    private long peerTag;
    private boolean forwardTsnSupported;
    private ReceivedTsns received;
    private SendQueue sendQueue;

    private boolean sackDue;
    private int packetsSinceSack;
    private long delayedAckAt = NO_TIMEOUT;
    private long retransmissionAt = NO_TIMEOUT;
    /** INIT, COOKIE ECHO, SHUTDOWN or SHUTDOWN ACK: whichever set-up or tear-down chunk waits for its answer. */
    private long controlAt = NO_TIMEOUT;
    private Chunk controlChunk;
    private int controlTransmissions;
    private long reconfigAt = NO_TIMEOUT;
    private int consecutiveTimeouts;

    private long packetsReceived;
    private long packetsDropped;
    private long messagesReceived;
    private long messagesSent;

    public Association(AssociationSettings settings, AssociationListener listener, LongSupplier nanoClock,
                       SecureRandom random) {
        this.settings = settings;
        this.listener = listener;
        this.nanoClock = nanoClock;
        this.cookieSecret = StateCookie.newSecret(random);
        this.localTag = 1 + Integer.toUnsignedLong(random.nextInt(Integer.MAX_VALUE)) * 2;
        this.localInitialTsn = Integer.toUnsignedLong(random.nextInt());
        this.rto = new RetransmissionTimeout(settings);
        this.packets = new OutgoingPackets(settings.port(), settings.mtu(), listener);
        this.reassembly = new Reassembly(settings.maxMessageSize(), this::deliver);
        this.streamResets = new StreamResets(localInitialTsn);
    }

    public AssociationState state() {
        return state;
    }

    /** Starts the association from this end (RFC 9260 §5.1 A). Both ends may do so at once (§5.2.1). */
    public void connect() {
        if (state != AssociationState.CLOSED) {
            return;
        }
        state = AssociationState.COOKIE_WAIT;
        sendControl(0, new InitChunk(localTag, settings.receiveWindow(), settings.streams(), settings.streams(),
                localInitialTsn, true, SUPPORTED_EXTENSIONS));
        packets.flush();
    }

    /**
     * Queues a message. Before the association is up it waits; afterwards it goes as the windows allow. The
     * association keeps {@code data} until the message is acknowledged or abandoned: the caller must not change it.
     *
     * @param maxRetransmits    retransmissions allowed per fragment, or -1 for no limit
     * @param maxLifetimeMillis how long the message may wait for its acknowledgement, or -1 for no limit
     * @throws IllegalArgumentException if {@code data} is larger than the settings' largest message
     * @throws IllegalStateException    if the association is shutting down or ended
     */
    public void send(int streamId, long payloadProtocolId, byte[] data, boolean ordered, int maxRetransmits,
                     long maxLifetimeMillis) {
        if (data.length > settings.maxMessageSize()) {
            throw new IllegalArgumentException("a message of " + data.length + " bytes exceeds the largest allowed, "
                    + settings.maxMessageSize() + " bytes");
        }
        if (data.length == 0) {
            throw new IllegalArgumentException("SCTP carries no empty message (RFC 9260 §6.2); send a placeholder");
        }
        if (state.compareTo(AssociationState.ESTABLISHED) > 0) {
            throw new IllegalStateException("the association is " + state);
        }
        long expires = maxLifetimeMillis < 0 ? Long.MAX_VALUE : nanoClock.getAsLong() + maxLifetimeMillis * 1_000_000;
        OutgoingMessage message = new OutgoingMessage(streamId, payloadProtocolId, data, ordered, maxRetransmits,
                expires);
        messagesSent++;
        if (sendQueue == null) {
            early.add(message);
            waitingBytes += data.length;
            return;
        }
        if (streamResets.isResetting(streamId)) {
            heldForReset.add(message);
            waitingBytes += data.length;
            return;
        }
        sendQueue.enqueue(message);
        flush();
    }

    /** Bytes queued on {@code streamId} and not yet acknowledged (a data channel's bufferedAmount). */
    public long bufferedAmount(int streamId) {
        long waiting = Stream.concat(early.stream(), heldForReset.stream())
                .filter(m -> m.streamId == streamId).mapToLong(m -> m.data.length).sum();
        return waiting + (sendQueue == null ? 0 : sendQueue.bufferedAmount(streamId));
    }

    /** Bytes queued on every stream and not yet acknowledged: what a slow peer makes this end hold. */
    public long bufferedAmount() {
        return waitingBytes + (sendQueue == null ? 0 : sendQueue.bufferedAmount());
    }

    /** Resets these outgoing streams once what was queued on them went (RFC 6525 §5.1.2; RFC 8831 §6.7). */
    public void resetOutgoingStreams(Collection<Integer> streamIds) {
        if (state.compareTo(AssociationState.ESTABLISHED) > 0) {
            return;
        }
        streamIds.forEach(streamResets::queue);
        if (state == AssociationState.ESTABLISHED) {
            flush();
        }
    }

    /** Sends what is queued, then ends the association gracefully (RFC 9260 §9.2). */
    public void shutdown() {
        if (state == AssociationState.ESTABLISHED) {
            state = AssociationState.SHUTDOWN_PENDING;
            flush();
        } else if (state.compareTo(AssociationState.ESTABLISHED) < 0) {
            terminate("shut down before it was established");
        }
    }

    /** Ends the association at once, telling the peer why (RFC 9260 §9.1). */
    public void abort(String reason) {
        if (state == AssociationState.TERMINATED) {
            return;
        }
        if (state != AssociationState.CLOSED && state != AssociationState.COOKIE_WAIT) {
            packets.add(peerTag, new AbortChunk(false, List.of(ErrorCause.withReason(
                    ErrorCause.USER_INITIATED_ABORT, reason))));
            packets.flush();
        }
        terminate(reason);
    }

    /** When {@link #handleTimeouts} is next due, on the association's clock, or Long.MAX_VALUE. */
    public long nextTimeoutNanos() {
        return Math.min(Math.min(delayedAckAt, retransmissionAt), Math.min(controlAt, reconfigAt));
    }

    /** Acts on every timer that is due: delayed SACK, retransmission, set-up and tear-down, stream reset. */
    public void handleTimeouts() {
        if (state == AssociationState.TERMINATED) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (now - delayedAckAt >= 0) {
            delayedAckAt = NO_TIMEOUT;
            sackDue = true;
        }
        if (now - controlAt >= 0 && !retransmitControl()) {
            return;
        }
        if (now - retransmissionAt >= 0) {
            retransmissionAt = NO_TIMEOUT;
            if (++consecutiveTimeouts > settings.maxRetransmissions()) {
                abort("the peer acknowledged nothing through " + settings.maxRetransmissions() + " timeouts");
                return;
            }
            sendQueue.onRetransmissionTimeout();
        }
        if (now - reconfigAt >= 0) {
            reconfigAt = NO_TIMEOUT;
            OutgoingResetRequest request = streamResets.inFlight();
            if (request != null) {
                packets.add(peerTag, new ReconfigChunk(List.of(request)));
                reconfigAt = now + rto.nanos();
            }
        }
        flush();
    }

    /** One packet from the peer (the plaintext of one DTLS record). Malformed or misaddressed ones are counted. */
    public void receive(byte[] buffer, int offset, int length) {
        if (state == AssociationState.TERMINATED) {
            return;
        }
        SctpPacket packet;
        try {
            packet = SctpPacket.parse(buffer, offset, length);
        } catch (SctpParseException e) {
            packetsDropped++;
            return;
        }
        if (packet.chunks().isEmpty() || !hasValidTag(packet)) {
            packetsDropped++;
            return;
        }
        packetsReceived++;
        boolean hadData = false;
        for (Chunk chunk : packet.chunks()) {
            if (state == AssociationState.TERMINATED) {
                return;
            }
            if (chunk instanceof DataChunk data) {
                hadData |= onData(data);
            } else if (!onControl(chunk)) {
                break;
            }
        }
        if (hadData) {
            scheduleSack();
        }
        flush();
    }

    /** RFC 9260 §8.5 and §8.5.1: which verification tag each kind of packet must carry. */
    private boolean hasValidTag(SctpPacket packet) {
        Chunk first = packet.chunks().get(0);
        if (first instanceof InitChunk) {
            return packet.verificationTag() == 0 && packet.chunks().size() == 1;
        }
        boolean reflected = first instanceof AbortChunk abort && abort.tagReflected()
                || first instanceof ShutdownCompleteChunk complete && complete.tagReflected();
        if (reflected) {
            return peerTag != 0 && packet.verificationTag() == peerTag;
        }
        return packet.verificationTag() == localTag;
    }

    /** Handles one control chunk; false when the rest of the packet must be ignored. */
    private boolean onControl(Chunk chunk) {
        if (chunk instanceof InitChunk init) {
            onInit(init);
        } else if (chunk instanceof InitAckChunk initAck) {
            onInitAck(initAck);
        } else if (chunk instanceof CookieEchoChunk echo) {
            onCookieEcho(echo);
        } else if (chunk instanceof CookieAckChunk) {
            onCookieAck();
        } else if (chunk instanceof SackChunk sack) {
            onSack(sack);
        } else if (chunk instanceof ForwardTsnChunk forward) {
            onForwardTsn(forward);
        } else if (chunk instanceof ReconfigChunk reconfig) {
            onReconfig(reconfig);
        } else if (chunk instanceof HeartbeatChunk heartbeat) {
            if (peerTag != 0) {
                packets.add(peerTag, new HeartbeatAckChunk(heartbeat.info()));
            }
        } else if (chunk instanceof AbortChunk abort) {
            terminate("the peer aborted the association" + reasonOf(abort.causes()));
        } else if (chunk instanceof ShutdownChunk shutdown) {
            onShutdown(shutdown);
        } else if (chunk instanceof ShutdownAckChunk) {
            onShutdownAck();
        } else if (chunk instanceof ShutdownCompleteChunk) {
            if (state == AssociationState.SHUTDOWN_ACK_SENT) {
                terminate("shut down");
            }
        } else if (chunk instanceof UnknownChunk unknown) {
            return onUnknown(unknown);
        }
        // HEARTBEAT ACK and ERROR need no action: this end sends no heartbeats, and errors are advisory.
        return true;
    }

    /** RFC 9260 §3.2: the type's two highest bits say whether to skip the chunk and whether to report it. */
    private boolean onUnknown(UnknownChunk chunk) {
        int action = chunk.type() >>> 6;
        if ((action & 1) == 1 && peerTag != 0) {
            packets.add(peerTag, new ErrorChunk(List.of(new ErrorCause(ErrorCause.UNRECOGNIZED_CHUNK_TYPE,
                    new byte[] {(byte) chunk.type(), (byte) chunk.flags(), 0, 4}))));
        }
        return (action & 2) == 2;
    }

    private static String reasonOf(List<ErrorCause> causes) {
        for (ErrorCause cause : causes) {
            if (cause.code() == ErrorCause.USER_INITIATED_ABORT && cause.information().length > 0) {
                return ": " + new String(cause.information(), StandardCharsets.UTF_8);
            }
        }
        return causes.isEmpty() ? "" : " (cause " + causes.get(0).code() + ")";
    }

    /** Answers an INIT statelessly, whatever this end's own state (RFC 9260 §5.1 B, §5.2.1, §5.2.2). */
    private void onInit(InitChunk init) {
        if (state.compareTo(AssociationState.ESTABLISHED) >= 0) {
            // A peer restarting an association that is up: not something WebRTC peers do; ignored.
            return;
        }
        StateCookie cookie = new StateCookie(init.initiateTag(), init.initialTsn(), init.advertisedReceiverWindow(),
                localTag, localInitialTsn, init.forwardTsnSupported(), nanoClock.getAsLong() / 1_000_000);
        packets.add(init.initiateTag(), new InitAckChunk(localTag, settings.receiveWindow(), settings.streams(),
                settings.streams(), localInitialTsn, true, SUPPORTED_EXTENSIONS,
                cookie.sign(cookieSecret)));
    }

    private void onInitAck(InitAckChunk initAck) {
        if (state != AssociationState.COOKIE_WAIT) {
            return;
        }
        peerTag = initAck.initiateTag();
        prepare(initAck.initialTsn(), initAck.advertisedReceiverWindow(), initAck.forwardTsnSupported());
        state = AssociationState.COOKIE_ECHOED;
        sendControl(peerTag, new CookieEchoChunk(initAck.stateCookie()));
    }

    private void onCookieEcho(CookieEchoChunk echo) {
        Optional<StateCookie> verified = StateCookie.verify(echo.cookie(), cookieSecret,
                nanoClock.getAsLong() / 1_000_000, COOKIE_LIFE_MILLIS);
        if (verified.isEmpty()) {
            packetsDropped++;
            return;
        }
        StateCookie cookie = verified.get();
        if (state.compareTo(AssociationState.ESTABLISHED) >= 0) {
            if (cookie.peerTag() == peerTag) {
                // Our COOKIE ACK was lost: say it again (RFC 9260 §5.2.4 D).
                packets.add(peerTag, new CookieAckChunk());
            }
            return;
        }
        if (sendQueue == null || cookie.peerTag() != peerTag) {
            // Unless both ends started at once and the peer's INIT ACK already told the same (RFC 9260 §5.2.4).
            peerTag = cookie.peerTag();
            prepare(cookie.peerInitialTsn(), cookie.peerReceiveWindow(), cookie.forwardTsn());
        }
        packets.add(peerTag, new CookieAckChunk());
        establish();
    }

    private void onCookieAck() {
        if (state == AssociationState.COOKIE_ECHOED) {
            establish();
        }
    }

    private void prepare(long peerInitialTsn, long peerWindow, boolean peerSupportsForwardTsn) {
        received = new ReceivedTsns(peerInitialTsn);
        sendQueue = new SendQueue(settings.mtu(), localInitialTsn, peerWindow, rto);
        forwardTsnSupported = peerSupportsForwardTsn;
        while (!early.isEmpty()) {
            OutgoingMessage message = early.poll();
            waitingBytes -= message.data.length;
            sendQueue.enqueue(message);
        }
    }

    private void establish() {
        state = AssociationState.ESTABLISHED;
        stopControl();
        listener.onEstablished();
    }

    private boolean onData(DataChunk data) {
        if (received == null || state.compareTo(AssociationState.ESTABLISHED) < 0
                || state.compareTo(AssociationState.SHUTDOWN_RECEIVED) > 0) {
            return false;
        }
        long tsn = received.unwrap(data.tsn());
        boolean next = tsn == received.cumulative() + 1;
        if (!next && received.isNew(tsn)
                && reassembly.bufferedBytes() + data.payload().length > settings.receiveWindow()) {
            // No room (RFC 9260 §6.2): dropped unacknowledged; the peer sends it again once the window opens.
            packetsDropped++;
            return false;
        }
        if (data.immediateAck()) {
            sackDue = true;
        }
        if (received.receive(tsn)) {
            try {
                reassembly.add(tsn, data);
            } catch (Reassembly.MessageTooLargeException e) {
                abort(e.getMessage());
                return false;
            }
            performDeferredReset();
        }
        return true;
    }

    private void deliver(int streamId, long payloadProtocolId, byte[] message) {
        messagesReceived++;
        listener.onMessage(streamId, payloadProtocolId, message);
    }

    /** RFC 9260 §6.2: acknowledge at once when something is missing or repeated, else every second packet. */
    private void scheduleSack() {
        packetsSinceSack++;
        if (received.hasGaps() || received.hasDuplicates() || packetsSinceSack >= 2) {
            sackDue = true;
        } else if (delayedAckAt == NO_TIMEOUT) {
            delayedAckAt = nanoClock.getAsLong() + settings.delayedAck().toNanos();
        }
    }

    private void onSack(SackChunk sack) {
        if (sendQueue == null || state == AssociationState.COOKIE_ECHOED) {
            return;
        }
        if (sendQueue.onSack(sack, nanoClock.getAsLong())) {
            consecutiveTimeouts = 0;
            retransmissionAt = NO_TIMEOUT;
        }
    }

    private void onForwardTsn(ForwardTsnChunk forward) {
        if (received == null || !forwardTsnSupported) {
            return;
        }
        long newCumulative = received.unwrap(forward.newCumulativeTsn());
        received.forwardTo(newCumulative);
        reassembly.forward(newCumulative, forward.streams());
        performDeferredReset();
        sackDue = true;
    }

    private void onReconfig(ReconfigChunk reconfig) {
        if (received == null) {
            return;
        }
        for (ReconfigParameter parameter : reconfig.parameters()) {
            if (parameter instanceof OutgoingResetRequest request) {
                onResetRequest(request);
            } else if (parameter instanceof ReconfigResponse response) {
                OutgoingResetRequest settled = streamResets.onResponse(response);
                if (settled != null) {
                    reconfigAt = NO_TIMEOUT;
                    if (response.result() == ReconfigResponse.SUCCESS_PERFORMED) {
                        settled.streamIds().forEach(sendQueue::resetStreamSequence);
                    }
                    releaseHeldMessages();
                }
            }
        }
    }

    /** Messages held for streams whose reset is settled now join the send queue, in the order they were sent. */
    private void releaseHeldMessages() {
        for (Iterator<OutgoingMessage> held = heldForReset.iterator(); held.hasNext(); ) {
            OutgoingMessage message = held.next();
            if (!streamResets.isResetting(message.streamId)) {
                held.remove();
                waitingBytes -= message.data.length;
                sendQueue.enqueue(message);
            }
        }
    }

    /** The peer resets its outgoing streams: done once every TSN before the reset has arrived (RFC 6525 §5.2.2). */
    private void onResetRequest(OutgoingResetRequest request) {
        ReconfigResponse repeated = streamResets.repeatedResponse(request);
        if (repeated != null) {
            packets.add(peerTag, new ReconfigChunk(List.of(repeated)));
            return;
        }
        if (received.unwrap(request.senderLastTsn()) > received.cumulative()) {
            streamResets.defer(request);
            packets.add(peerTag, new ReconfigChunk(List.of(
                    new ReconfigResponse(request.requestSequence(), ReconfigResponse.ERROR_IN_PROGRESS))));
            return;
        }
        performReset(request);
    }

    private void performDeferredReset() {
        OutgoingResetRequest deferred = streamResets.deferred();
        if (deferred != null && received.unwrap(deferred.senderLastTsn()) <= received.cumulative()) {
            performReset(deferred);
        }
    }

    private void performReset(OutgoingResetRequest request) {
        packets.add(peerTag, new ReconfigChunk(List.of(streamResets.performed(request))));
        for (int streamId : request.streamIds()) {
            reassembly.resetStream(streamId);
            listener.onIncomingStreamReset(streamId);
        }
    }

    private void onShutdown(ShutdownChunk shutdown) {
        if (sendQueue == null || state.compareTo(AssociationState.ESTABLISHED) < 0) {
            return;
        }
        sendQueue.onSack(new SackChunk(shutdown.cumulativeTsnAck(), settings.receiveWindow(), List.of(), List.of()),
                nanoClock.getAsLong());
        if (state == AssociationState.ESTABLISHED || state == AssociationState.SHUTDOWN_PENDING) {
            state = AssociationState.SHUTDOWN_RECEIVED;
        }
    }

    private void onShutdownAck() {
        if (state == AssociationState.SHUTDOWN_SENT || state == AssociationState.SHUTDOWN_ACK_SENT) {
            packets.add(peerTag, new ShutdownCompleteChunk(false));
            packets.flush();
            terminate("shut down");
        }
    }

    /** Sends what is due: a SACK, DATA within the windows, a stream reset, the next step of a shutdown. */
    private void flush() {
        if (state == AssociationState.TERMINATED) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (sackDue && received != null) {
            sackDue = false;
            packetsSinceSack = 0;
            delayedAckAt = NO_TIMEOUT;
            packets.add(peerTag, received.sack(Math.max(0, settings.receiveWindow() - reassembly.bufferedBytes())));
        }
        if (sendQueue != null && canSendData()) {
            sendQueue.fill(packets, peerTag, now);
            if (!sendQueue.hasOutstanding()) {
                retransmissionAt = NO_TIMEOUT;
            } else if (retransmissionAt == NO_TIMEOUT) {
                retransmissionAt = now + rto.nanos();
            }
            startStreamReset(now);
            advanceShutdown();
        }
        packets.flush();
    }

    private boolean canSendData() {
        return state == AssociationState.ESTABLISHED || state == AssociationState.SHUTDOWN_PENDING
                || state == AssociationState.SHUTDOWN_RECEIVED;
    }

    private void startStreamReset(long now) {
        if (streamResets.inFlight() != null || !streamResets.hasQueued()) {
            return;
        }
        for (int streamId : streamResets.queuedStreams()) {
            if (sendQueue.hasUnsentMessages(streamId)) {
                return;
            }
        }
        packets.add(peerTag, new ReconfigChunk(List.of(streamResets.startRequest(sendQueue.lastAssignedTsn()))));
        reconfigAt = now + rto.nanos();
    }

    private void advanceShutdown() {
        if (!sendQueue.isIdle()) {
            return;
        }
        if (state == AssociationState.SHUTDOWN_PENDING) {
            state = AssociationState.SHUTDOWN_SENT;
            sendControl(peerTag, new ShutdownChunk(received.wrapCumulative()));
        } else if (state == AssociationState.SHUTDOWN_RECEIVED) {
            state = AssociationState.SHUTDOWN_ACK_SENT;
            sendControl(peerTag, new ShutdownAckChunk());
        }
    }

    /** Sends a set-up or tear-down chunk and retransmits it on a timer until answered (T1 and T2, §6.3). */
    private void sendControl(long tag, Chunk chunk) {
        controlChunk = chunk;
        controlTransmissions = 1;
        controlAt = nanoClock.getAsLong() + rto.nanos();
        packets.add(tag, chunk);
    }

    private void stopControl() {
        controlChunk = null;
        controlAt = NO_TIMEOUT;
    }

    /** False if the association gave up. */
    private boolean retransmitControl() {
        if (controlChunk == null || state == AssociationState.ESTABLISHED) {
            stopControl();
            return true;
        }
        if (controlTransmissions > settings.maxRetransmissions()) {
            terminate("the peer did not answer " + controlTransmissions + " times");
            return false;
        }
        rto.backOff();
        controlTransmissions++;
        controlAt = nanoClock.getAsLong() + rto.nanos();
        packets.add(controlChunk instanceof InitChunk ? 0 : peerTag, controlChunk);
        return true;
    }

    private void terminate(String reason) {
        if (state == AssociationState.TERMINATED) {
            return;
        }
        state = AssociationState.TERMINATED;
        delayedAckAt = NO_TIMEOUT;
        retransmissionAt = NO_TIMEOUT;
        controlAt = NO_TIMEOUT;
        reconfigAt = NO_TIMEOUT;
        early.clear();
        heldForReset.clear();
        waitingBytes = 0;
        listener.onClosed(reason);
    }

    public long packetsReceived() {
        return packetsReceived;
    }

    /** Packets dropped: malformed, wrong checksum or verification tag, no room in the window, forged cookie. */
    public long packetsDropped() {
        return packetsDropped;
    }

    public long messagesReceived() {
        return messagesReceived;
    }

    public long messagesSent() {
        return messagesSent;
    }

    public long retransmissions() {
        return sendQueue == null ? 0 : sendQueue.retransmissions();
    }

}
