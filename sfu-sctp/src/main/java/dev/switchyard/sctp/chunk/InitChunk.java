package dev.switchyard.sctp.chunk;

import java.util.List;

import dev.switchyard.sctp.SctpParseException;

/**
 * Initiation, INIT (RFC 9260 §3.3.2): the first chunk of the four-way handshake, alone in its packet with
 * verification tag 0. Of the optional parameters, only the two a data channel association negotiates are kept
 * (see {@link InitCommon}).
 *
 * @param initiateTag              the tag the sender expects on every packet it receives, 32 bits, not 0
 * @param advertisedReceiverWindow a_rwnd in bytes, 32 bits unsigned
 * @param outboundStreams          OS, 16 bits, not 0
 * @param inboundStreams           MIS, 16 bits, not 0
 * @param initialTsn               the sender's first TSN, 32 bits unsigned
 * @param forwardTsnSupported      carries the Forward-TSN-Supported parameter (RFC 3758 §3.1)
 * @param supportedExtensions      chunk types of the Supported Extensions parameter (RFC 5061 §4.2.7), each
 *                                 0 to 255, in order; the parameter is omitted when empty
 */
public record InitChunk(long initiateTag, long advertisedReceiverWindow, int outboundStreams, int inboundStreams,
                        long initialTsn, boolean forwardTsnSupported, List<Integer> supportedExtensions)
        implements Chunk {

    public static final int TYPE = 1;

    public InitChunk {
        supportedExtensions = InitCommon.validate("INIT", initiateTag, advertisedReceiverWindow, outboundStreams,
                inboundStreams, initialTsn, supportedExtensions);
        ChunkHeader.requireLength("INIT", InitCommon.length(forwardTsnSupported, supportedExtensions, null));
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public int serializedSize() {
        return ChunkHeader.padded(InitCommon.length(forwardTsnSupported, supportedExtensions, null));
    }

    @Override
    public int writeTo(byte[] buffer, int offset) {
        return InitCommon.write(buffer, offset, TYPE, initiateTag, advertisedReceiverWindow, outboundStreams,
                inboundStreams, initialTsn, forwardTsnSupported, supportedExtensions, null);
    }

    static InitChunk parse(byte[] buffer, int offset, int length) throws SctpParseException {
        InitCommon.Fields fields = InitCommon.parse("INIT", false, buffer, offset, length);
        return new InitChunk(fields.initiateTag(), fields.advertisedReceiverWindow(), fields.outboundStreams(),
                fields.inboundStreams(), fields.initialTsn(), fields.forwardTsnSupported(),
                fields.supportedExtensions());
    }
}
