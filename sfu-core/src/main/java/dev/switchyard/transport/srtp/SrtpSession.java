package dev.switchyard.transport.srtp;

import java.security.GeneralSecurityException;

import dev.switchyard.buffer.PacketBuffer;

/**
 * Protects outgoing and unprotects incoming RTP and RTCP of one transport, in place, allocating nothing per
 * packet once a stream is known.
 *
 * <p>Session keys are derived once per direction and packet kind (RFC 3711 §4.3, key derivation rate 0); what
 * is kept per SSRC is only the packet index state: RTP by the packet's SSRC, RTCP by the sender SSRC (RFC 3711
 * §3.2.3), so each RTCP sender has its own monotonic SRTCP index. Each of the four operations (protect/unprotect
 * × RTP/RTCP) is serialised by its own lock: one receiving thread and several forwarding threads may call
 * concurrently, and in the usual case every lock is uncontended. At most {@value #MAX_SSRCS} SSRCs per
 * operation get a context; packets of further SSRCs are dropped and counted. An unknown SSRC's receive context
 * is kept only once a packet authenticates, so forged packets cannot fill the table.
 *
 * <p>Each method returns {@code false} for a packet it rejects, counts the reason in {@link #stats()}, and never
 * throws for any packet content. A rejected packet's bytes are unspecified afterwards and must not be sent.
 *
 * <p>Protecting a packet whose SSRC and sequence number were already protected (a NACK answered without RTX)
 * yields the same bytes again with either profile: the keystream, IV and tag are functions of the index and the
 * content, so an identical repeat reveals nothing new (libsrtp's allow_repeat_tx, which browsers enable). Only
 * a different payload under a repeated index would reuse a keystream; the forwarding path never does that.
 * Received SRTCP must be encrypted (E flag set, as every WebRTC stack sends it); other packets count as
 * malformed.
 */
public final class SrtpSession {

    /** Bound on contexts per operation: far more streams than one transport carries (simulcast, RTX, FEC). */
    public static final int MAX_SSRCS = 128;

    private static final int RTP_FIXED_HEADER = 12;

    private final SrtpProfile profile;
    private final Operation rtpProtect;
    private final Operation rtpUnprotect;
    private final Operation rtcpProtect;
    private final Operation rtcpUnprotect;

    public SrtpSession(SrtpKeyingMaterial keys) {
        profile = keys.profile();
        byte[] localKey = keys.localKey();
        byte[] localSalt = keys.localSalt();
        byte[] remoteKey = keys.remoteKey();
        byte[] remoteSalt = keys.remoteSalt();
        rtpProtect = new RtpProtect(PacketCipher.derive(profile, localKey, localSalt, SrtpKeyDerivation.Labels.RTP));
        rtpUnprotect = new RtpUnprotect(
                PacketCipher.derive(profile, remoteKey, remoteSalt, SrtpKeyDerivation.Labels.RTP));
        rtcpProtect = new RtcpProtect(
                PacketCipher.derive(profile, localKey, localSalt, SrtpKeyDerivation.Labels.RTCP));
        rtcpUnprotect = new RtcpUnprotect(
                PacketCipher.derive(profile, remoteKey, remoteSalt, SrtpKeyDerivation.Labels.RTCP));
    }

    /**
     * How this JVM runs AES-CTR and HMAC-SHA1 (nearly all the CPU a forwarded packet costs), for the startup log:
     * the JDK's engines driven directly ({@link JdkCounterMode}, {@link ResumableSha1}) when {@code java.base}
     * opens them to us, as the server jar's manifest does, else the portable paths.
     */
    public static String cipherEngines() {
        String aes = JdkCounterMode.AVAILABLE ? "AES-CTR: the JDK's counter mode"
                : "AES-CTR: portable (the JVM option " + JdkCounterMode.REMEDY + " makes it about 2.5 times faster)";
        String hmac = ResumableSha1.AVAILABLE ? "HMAC-SHA1: SHA-1 state kept after the key pads"
                : "HMAC-SHA1: key pads hashed per packet (the JVM option " + ResumableSha1.REMEDY
                        + " saves about 9 %)";
        return aes + "; " + hmac;
    }

    /** The protection profile negotiated in the DTLS handshake. */
    public SrtpProfile profile() {
        return profile;
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
     * counts failures reported by the JDK's AES or SHA-1 implementation, which
     * should never happen.
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
                return length >= PacketCipher.SRTCP_HEADER_LENGTH && isVersion2(buffer[offset])
                        ? PacketCipher.SRTCP_HEADER_LENGTH : -1;
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

    /** What a transform made of a packet. */
    private enum Outcome {
        ACCEPTED, AUTHENTICATION_FAILURE, REPLAY, MALFORMED
    }

    /**
     * One of the four operations: its cipher, its per-SSRC index state, its lock (the instance) and its
     * counters. Subclasses only map a well-formed packet of a known stream through the cipher.
     */
    private abstract static class Operation {
        final PacketCipher cipher;
        private final Kind kind;
        private final int trailerIn;
        private final int trailerOut;
        private final boolean keepOnlyAccepted;
        private final SsrcTable<StreamState> streams = new SsrcTable<>(MAX_SSRCS);
        /** The state tried for an unknown SSRC until a packet of it is accepted, reused across forgeries. */
        private StreamState candidate = new StreamState();

        private long packets;
        private long authenticationFailures;
        private long replayDrops;
        private long malformed;
        private long ssrcLimitDrops;
        private long cryptoErrors;

        Operation(PacketCipher cipher, Kind kind, int trailerIn, int trailerOut, boolean keepOnlyAccepted) {
            this.cipher = cipher;
            this.kind = kind;
            this.trailerIn = trailerIn;
            this.trailerOut = trailerOut;
            this.keepOnlyAccepted = keepOnlyAccepted;
        }

        /** Transforms a packet whose header and trailer lengths have been checked. */
        abstract Outcome transform(byte[] buffer, int offset, int length, int headerLength, int ssrc,
                                   StreamState stream) throws GeneralSecurityException;

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
            StreamState stream = streams.get(ssrc);
            boolean fresh = stream == null;
            if (fresh) {
                if (streams.isFull()) {
                    ssrcLimitDrops++;
                    return false;
                }
                stream = candidate;
                stream.reset();
                if (!keepOnlyAccepted) {
                    keep(ssrc);
                }
            }
            Outcome outcome;
            try {
                outcome = transform(buffer, offset, length, headerLength, ssrc, stream);
            } catch (GeneralSecurityException e) {
                cryptoErrors++;
                return false;
            }
            switch (outcome) {
                case ACCEPTED -> {
                    packets++;
                    if (fresh && keepOnlyAccepted) {
                        keep(ssrc);
                    }
                    packet.setOffsetLength(offset, length - trailerIn + trailerOut);
                    return true;
                }
                case AUTHENTICATION_FAILURE -> authenticationFailures++;
                case REPLAY -> replayDrops++;
                case MALFORMED -> malformed++;
            }
            return false;
        }

        private void keep(int ssrc) {
            streams.put(ssrc, candidate);
            candidate = new StreamState();
        }

        synchronized Counters counters() {
            return new Counters(packets, authenticationFailures, replayDrops, malformed, ssrcLimitDrops,
                    cryptoErrors);
        }
    }

    /** RFC 3711 §3.3: the sender's ROC follows its own sequence numbers; the tag is appended. */
    private static final class RtpProtect extends Operation {
        RtpProtect(PacketCipher cipher) {
            super(cipher, Kind.RTP, 0, cipher.tagLength(), false);
        }

        @Override
        Outcome transform(byte[] buffer, int offset, int length, int headerLength, int ssrc, StreamState stream)
                throws GeneralSecurityException {
            int sequence = readUint16(buffer, offset + 2);
            long index = stream.rtpIndex(sequence);
            if (index < 0) {
                // Sent before the stream's first packet, across a wrap: RFC 3711 has no ROC of -1.
                index = sequence;
            }
            stream.accept(index);
            cipher.protectRtp(buffer, offset, headerLength, length, ssrc, index);
            return Outcome.ACCEPTED;
        }
    }

    /** RFC 3711 §3.3: estimate the index, check replay, authenticate, then decrypt and record the index. */
    private static final class RtpUnprotect extends Operation {
        RtpUnprotect(PacketCipher cipher) {
            super(cipher, Kind.RTP, cipher.tagLength(), 0, true);
        }

        @Override
        Outcome transform(byte[] buffer, int offset, int length, int headerLength, int ssrc, StreamState stream)
                throws GeneralSecurityException {
            long index = stream.rtpIndex(readUint16(buffer, offset + 2));
            if (stream.isReplay(index)) {
                return Outcome.REPLAY;
            }
            if (!cipher.unprotectRtp(buffer, offset, headerLength, length, ssrc, index)) {
                return Outcome.AUTHENTICATION_FAILURE;
            }
            stream.accept(index);
            return Outcome.ACCEPTED;
        }
    }

    /** RFC 3711 §3.4: encrypt, append E + the sender's next SRTCP index, and the tag. */
    private static final class RtcpProtect extends Operation {
        RtcpProtect(PacketCipher cipher) {
            super(cipher, Kind.RTCP, 0, PacketCipher.SRTCP_INDEX_LENGTH + cipher.tagLength(), false);
        }

        @Override
        Outcome transform(byte[] buffer, int offset, int length, int headerLength, int ssrc, StreamState stream)
                throws GeneralSecurityException {
            cipher.protectRtcp(buffer, offset, length, ssrc, stream.nextSrtcpIndex());
            return Outcome.ACCEPTED;
        }
    }

    /** RFC 3711 §3.4: read E + index from the trailer, check replay, authenticate, then decrypt. */
    private static final class RtcpUnprotect extends Operation {
        RtcpUnprotect(PacketCipher cipher) {
            super(cipher, Kind.RTCP, PacketCipher.SRTCP_INDEX_LENGTH + cipher.tagLength(), 0, true);
        }

        @Override
        Outcome transform(byte[] buffer, int offset, int length, int headerLength, int ssrc, StreamState stream)
                throws GeneralSecurityException {
            int indexWord = readInt(buffer, offset + cipher.srtcpIndexPosition(length));
            if ((indexWord & PacketCipher.SRTCP_E_BIT) == 0) {
                return Outcome.MALFORMED;
            }
            int index = indexWord & ~PacketCipher.SRTCP_E_BIT;
            if (stream.isReplay(index)) {
                return Outcome.REPLAY;
            }
            if (!cipher.unprotectRtcp(buffer, offset, length, ssrc, index)) {
                return Outcome.AUTHENTICATION_FAILURE;
            }
            stream.accept(index);
            return Outcome.ACCEPTED;
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
