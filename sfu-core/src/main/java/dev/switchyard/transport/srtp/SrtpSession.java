package dev.switchyard.transport.srtp;

import java.security.GeneralSecurityException;

import dev.switchyard.transport.PacketBuffer;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.crypto.Aes;
import org.jitsi.utils.logging2.Logger;
import org.jitsi.utils.logging2.LoggerImpl;

/**
 * Protects outgoing and unprotects incoming RTP and RTCP of one transport, in place, with jitsi-srtp.
 *
 * <p>Crypto contexts are kept per SSRC: RTP by the packet's SSRC, RTCP by the sender SSRC (RFC 3711 §3.2.3),
 * so each RTCP sender has its own monotonic SRTCP index. Each of the four operations (protect/unprotect ×
 * RTP/RTCP) is serialised by its own lock: one receiving thread and several forwarding threads may call
 * concurrently, and in the usual case every lock is uncontended. At most {@value #MAX_SSRCS} SSRCs per
 * operation get a context; packets of further SSRCs are dropped and counted. An unknown SSRC's receive context
 * is kept only once a packet authenticates, so forged packets cannot fill the table.
 *
 * <p>Each method returns {@code false} for a packet it rejects, counts the reason in {@link #stats()}, and never
 * throws for any packet content. A rejected packet's bytes are unspecified afterwards and must not be sent.
 *
 * <p>Protecting a packet whose SSRC and sequence number were already protected (a NACK answered without RTX)
 * works with AES-CM, where it yields the same bytes again. With AES-GCM the JDK refuses to reuse the IV of the
 * previous packet, so an immediate repeat is rejected as a crypto error: answer NACKs with RTX (RFC 4588), or
 * resend the bytes protected the first time.
 */
public final class SrtpSession {

    /** Bound on contexts per operation: far more streams than one transport carries (simulcast, RTX, FEC). */
    public static final int MAX_SSRCS = 128;

    private static final int RTP_FIXED_HEADER = 12;
    private static final int RTCP_SENDER_HEADER = 8;
    private static final int SRTCP_INDEX_LENGTH = 4;

    private static final Logger LOGGER = new LoggerImpl(SrtpSession.class.getName());

    static {
        // jitsi-srtp otherwise picks its AES implementation by a micro-benchmark at first use, run before the
        // JIT has warmed up and so often wrong; SunJCE (AES-NI intrinsics) measured fastest here.
        Aes.setFactoryClassName(Aes.SunJCECipherFactory.class.getName());
    }

    private final Operation<SrtpCryptoContext> rtpProtect;
    private final Operation<SrtpCryptoContext> rtpUnprotect;
    private final Operation<SrtcpCryptoContext> rtcpProtect;
    private final Operation<SrtcpCryptoContext> rtcpUnprotect;

    public SrtpSession(SrtpKeyingMaterial keys) {
        SrtpProfile profile = keys.profile();
        SrtpContextFactory sender = new SrtpContextFactory(true, keys.localKey(), keys.localSalt(),
                profile.newPolicy(), profile.newPolicy(), LOGGER);
        SrtpContextFactory receiver = new SrtpContextFactory(false, keys.remoteKey(), keys.remoteSalt(),
                profile.newPolicy(), profile.newPolicy(), LOGGER);
        int tag = profile.tagLength();
        int srtcpTrailer = SRTCP_INDEX_LENGTH + tag;
        // RFC 3711 §3.3.1: the rollover counter of a new stream starts at 0.
        rtpProtect = new Operation<>(Kind.RTP, 0, tag, false,
                ssrc -> sender.deriveContext(ssrc, 0), SrtpCryptoContext::transformPacket);
        rtpUnprotect = new Operation<>(Kind.RTP, tag, 0, true,
                ssrc -> receiver.deriveContext(ssrc, 0), (context, packet) -> context.reverseTransformPacket(packet, false));
        rtcpProtect = new Operation<>(Kind.RTCP, 0, srtcpTrailer, false,
                sender::deriveControlContext, SrtcpCryptoContext::transformPacket);
        rtcpUnprotect = new Operation<>(Kind.RTCP, srtcpTrailer, 0, true,
                receiver::deriveControlContext, SrtcpCryptoContext::reverseTransformPacket);
    }

    /** Encrypts and authenticates an RTP packet; needs {@link SrtpProfile#tagLength()} bytes of tail room. */
    public boolean protectRtp(PacketBuffer packet) {
        return rtpProtect.apply(packet);
    }

    /** Authenticates, replay-checks and decrypts an SRTP packet, removing its tag. */
    public boolean unprotectRtp(PacketBuffer packet) {
        return rtpUnprotect.apply(packet);
    }

    /** Encrypts and authenticates an RTCP compound packet; needs 4 + {@link SrtpProfile#tagLength()} bytes of tail room. */
    public boolean protectRtcp(PacketBuffer packet) {
        return rtcpProtect.apply(packet);
    }

    /** Authenticates, replay-checks and decrypts an SRTCP packet, removing its index and tag. */
    public boolean unprotectRtcp(PacketBuffer packet) {
        return rtcpUnprotect.apply(packet);
    }

    /** A snapshot of the counters. */
    public Stats stats() {
        return new Stats(rtpProtect.counters(), rtpUnprotect.counters(), rtcpProtect.counters(),
                rtcpUnprotect.counters());
    }

    /** Counters of the four operations. */
    public record Stats(Counters rtpProtect, Counters rtpUnprotect, Counters rtcpProtect, Counters rtcpUnprotect) {
    }

    /**
     * Counters of one operation: packets it accepted, and packets it rejected by reason. Authentication and
     * replay failures only occur when unprotecting; {@code malformed} counts packets too short or not RTP/RTCP
     * version 2, and, when protecting, packets without enough tail room for the trailer; {@code cryptoErrors}
     * counts failures of the cipher itself, such as an AES-GCM packet protected twice in a row.
     */
    public record Counters(long packets, long authenticationFailures, long replayDrops, long malformed,
                           long ssrcLimitDrops, long cryptoErrors) {
    }

    /** Where the two packet kinds keep the SSRC and how long their cleartext header is. */
    private enum Kind {
        /** RFC 3550 §5.1: the SSRC is the last word of the fixed header. */
        RTP(8) {
            @Override
            int headerLength(byte[] buffer, int offset, int length) {
                if (length < RTP_FIXED_HEADER || !isVersion2(buffer[offset])) {
                    return -1;
                }
                int headerLength = RTP_FIXED_HEADER + 4 * (buffer[offset] & 0x0F);
                if ((buffer[offset] & 0x10) != 0) {
                    // RFC 8285 §4.2: 2 bytes profile, 2 bytes length in 32-bit words.
                    if (headerLength + 4 > length) {
                        return -1;
                    }
                    headerLength += 4 + 4 * readUint16(buffer, offset + headerLength + 2);
                }
                return headerLength <= length ? headerLength : -1;
            }
        },
        /** RFC 3711 §3.4: SRTCP leaves the first 8 bytes, ending with the sender SSRC, in the clear. */
        RTCP(4) {
            @Override
            int headerLength(byte[] buffer, int offset, int length) {
                return length >= RTCP_SENDER_HEADER && isVersion2(buffer[offset]) ? RTCP_SENDER_HEADER : -1;
            }
        };

        final int ssrcOffset;

        Kind(int ssrcOffset) {
            this.ssrcOffset = ssrcOffset;
        }

        /** The length of the header in front of the encrypted part, or -1 if malformed. */
        abstract int headerLength(byte[] buffer, int offset, int length);

        private static boolean isVersion2(byte first) {
            return (first & 0xC0) == 0x80;
        }
    }

    @FunctionalInterface
    private interface ContextFactory<C> {
        C derive(int ssrc) throws GeneralSecurityException;
    }

    @FunctionalInterface
    private interface Transform<C> {
        SrtpErrorStatus apply(C context, PacketBuffer packet) throws GeneralSecurityException;
    }

    /** One of the four operations: its per-SSRC contexts, its lock (the instance) and its counters. */
    private static final class Operation<C> {
        private final Kind kind;
        private final int trailerIn;
        private final int trailerOut;
        private final boolean keepOnlyAccepted;
        private final ContextFactory<C> contextFactory;
        private final Transform<C> transform;
        private final SsrcTable<C> contexts = new SsrcTable<>(MAX_SSRCS);

        private long packets;
        private long authenticationFailures;
        private long replayDrops;
        private long malformed;
        private long ssrcLimitDrops;
        private long cryptoErrors;

        Operation(Kind kind, int trailerIn, int trailerOut, boolean keepOnlyAccepted,
                  ContextFactory<C> contextFactory, Transform<C> transform) {
            this.kind = kind;
            this.trailerIn = trailerIn;
            this.trailerOut = trailerOut;
            this.keepOnlyAccepted = keepOnlyAccepted;
            this.contextFactory = contextFactory;
            this.transform = transform;
        }

        synchronized boolean apply(PacketBuffer packet) {
            byte[] buffer = packet.buffer();
            int offset = packet.offset();
            int length = packet.length();
            int headerLength = kind.headerLength(buffer, offset, length);
            if (headerLength < 0 || length - headerLength < trailerIn || packet.tailRoom() < trailerOut) {
                malformed++;
                return false;
            }
            int ssrc = readInt(buffer, offset + kind.ssrcOffset);
            C context = contexts.get(ssrc);
            boolean fresh = context == null;
            if (fresh) {
                if (contexts.isFull()) {
                    ssrcLimitDrops++;
                    return false;
                }
                context = newContext(ssrc);
                if (!keepOnlyAccepted) {
                    contexts.put(ssrc, context);
                }
            }
            SrtpErrorStatus status;
            try {
                status = transform.apply(context, packet);
            } catch (GeneralSecurityException e) {
                status = SrtpErrorStatus.FAIL;
            }
            // jitsi-srtp reports OK even when its GCM cipher failed to encrypt (the JDK refuses to reuse the
            // previous IV), leaving the packet unprotected: the trailer must really have been added or removed.
            if (status == SrtpErrorStatus.OK && packet.length() != length - trailerIn + trailerOut) {
                status = SrtpErrorStatus.FAIL;
            }
            return count(status, fresh && keepOnlyAccepted, ssrc, context);
        }

        private boolean count(SrtpErrorStatus status, boolean keepIfAccepted, int ssrc, C context) {
            switch (status) {
                case OK -> {
                    packets++;
                    if (keepIfAccepted) {
                        contexts.put(ssrc, context);
                    }
                    return true;
                }
                case AUTH_FAIL -> authenticationFailures++;
                case REPLAY_FAIL, REPLAY_OLD -> replayDrops++;
                case INVALID_PACKET -> malformed++;
                case FAIL -> cryptoErrors++;
            }
            return false;
        }

        private C newContext(int ssrc) {
            try {
                return contextFactory.derive(ssrc);
            } catch (GeneralSecurityException e) {
                // Independent of packet content: the JDK lacks AES or HMAC-SHA1, a deployment error.
                throw new IllegalStateException("cannot create SRTP crypto context", e);
            }
        }

        synchronized Counters counters() {
            return new Counters(packets, authenticationFailures, replayDrops, malformed, ssrcLimitDrops,
                    cryptoErrors);
        }
    }

    private static int readUint16(byte[] buffer, int index) {
        return ((buffer[index] & 0xFF) << 8) | (buffer[index + 1] & 0xFF);
    }

    private static int readInt(byte[] buffer, int index) {
        return ((buffer[index] & 0xFF) << 24) | ((buffer[index + 1] & 0xFF) << 16)
                | ((buffer[index + 2] & 0xFF) << 8) | (buffer[index + 3] & 0xFF);
    }
}
