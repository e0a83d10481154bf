package dev.switchyard.sctp.chunk;

import java.util.List;
import java.util.Objects;

import dev.switchyard.sctp.SctpParseException;

/**
 * Initiation Acknowledgement, INIT ACK (RFC 9260 §3.3.3): the answer to an INIT, carrying the responder's
 * fields and the State Cookie the initiator must echo.
 *
 * <p>{@code stateCookie} is held as given, not copied: do not change the array after handing it over. A parsed
 * chunk's cookie is a copy of the packet's bytes.
 *
 * @param initiateTag              the tag the sender expects on every packet it receives, 32 bits, not 0
 * @param advertisedReceiverWindow a_rwnd in bytes, 32 bits unsigned
 * @param outboundStreams          OS, 16 bits, not 0
 * @param inboundStreams           MIS, 16 bits, not 0
 * @param initialTsn               the sender's first TSN, 32 bits unsigned
 * @param forwardTsnSupported      carries the Forward-TSN-Supported parameter (RFC 3758 §3.1)
 * @param supportedExtensions      chunk types of the Supported Extensions parameter (RFC 5061 §4.2.7), each
 *                                 0 to 255, in order; the parameter is omitted when empty
 * @param stateCookie              the State Cookie parameter's value, required (RFC 9260 §3.3.3)
 */
public record InitAckChunk(long initiateTag, long advertisedReceiverWindow, int outboundStreams, int inboundStreams,
                           long initialTsn, boolean forwardTsnSupported, List<Integer> supportedExtensions,
                           byte[] stateCookie) implements Chunk {

    public static final int TYPE = 2;

    public InitAckChunk {
        supportedExtensions = InitCommon.validate("INIT ACK", initiateTag, advertisedReceiverWindow, outboundStreams,
                inboundStreams, initialTsn, supportedExtensions);
        Objects.requireNonNull(stateCookie, "stateCookie");
        Tlv.requireValueLength("State Cookie", stateCookie.length);
        ChunkHeader.requireLength("INIT ACK", InitCommon.length(forwardTsnSupported, supportedExtensions,
                stateCookie));
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public int serializedSize() {
        return ChunkHeader.padded(InitCommon.length(forwardTsnSupported, supportedExtensions, stateCookie));
    }

    @Override
    public int writeTo(byte[] buffer, int offset) {
        return InitCommon.write(buffer, offset, TYPE, initiateTag, advertisedReceiverWindow, outboundStreams,
                inboundStreams, initialTsn, forwardTsnSupported, supportedExtensions, stateCookie);
    }

    static InitAckChunk parse(byte[] buffer, int offset, int length) throws SctpParseException {
        InitCommon.Fields fields = InitCommon.parse("INIT ACK", true, buffer, offset, length);
        if (fields.stateCookie() == null) {
            throw new SctpParseException("INIT ACK chunk without the mandatory State Cookie parameter");
        }
        return new InitAckChunk(fields.initiateTag(), fields.advertisedReceiverWindow(), fields.outboundStreams(),
                fields.inboundStreams(), fields.initialTsn(), fields.forwardTsnSupported(),
                fields.supportedExtensions(), fields.stateCookie());
    }
}
