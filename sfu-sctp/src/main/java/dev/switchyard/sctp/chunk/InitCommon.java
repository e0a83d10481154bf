package dev.switchyard.sctp.chunk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import dev.switchyard.sctp.SctpParseException;
import dev.switchyard.sctp.Unsigned;

import static dev.switchyard.sctp.BigEndian.getUint16;
import static dev.switchyard.sctp.BigEndian.getUint32;
import static dev.switchyard.sctp.BigEndian.getUint8;
import static dev.switchyard.sctp.BigEndian.putUint16;
import static dev.switchyard.sctp.BigEndian.putUint32;
import static dev.switchyard.sctp.BigEndian.putUint8;

/**
 * What INIT (RFC 9260 §3.3.2) and INIT ACK (§3.3.3) share: the fixed fields, and the codec for the parameters
 * a WebRTC association uses.
 *
 * <ul>
 *   <li>Forward-TSN-Supported, 0xC000, no value (RFC 3758 §3.1);</li>
 *   <li>Supported Extensions, 0x8008, one byte per chunk type (RFC 5061 §4.2.7);</li>
 *   <li>State Cookie, 7, opaque (INIT ACK only; an INIT's is skipped).</li>
 * </ul>
 * Any other parameter is skipped. Its type's two highest bits ask the receiver to stop or go on and whether to
 * report it (RFC 9260 §3.2.1); skipping them all silently is within what a WebRTC peer expects of us, since
 * none of the others (ECN, AUTH's Random, HMAC and chunk list, addresses) is used over DTLS.
 */
final class InitCommon {

    /** Initiate Tag, a_rwnd, outbound streams, inbound streams, initial TSN. */
    static final int FIXED_VALUE_SIZE = 16;
    static final int STATE_COOKIE = 7;
    static final int SUPPORTED_EXTENSIONS = 0x8008;
    static final int FORWARD_TSN_SUPPORTED = 0xC000;

    /** Everything a parsed INIT or INIT ACK carries; {@code stateCookie} is null when absent. */
    record Fields(long initiateTag, long advertisedReceiverWindow, int outboundStreams, int inboundStreams,
                  long initialTsn, boolean forwardTsnSupported, List<Integer> supportedExtensions,
                  byte[] stateCookie) {
    }

    private InitCommon() {
    }

    /**
     * Checks the fields a record is built from and returns an unmodifiable copy of the extension list.
     *
     * @throws IllegalArgumentException if the initiate tag or a stream count is zero or a field is out of range
     */
    static List<Integer> validate(String chunk, long initiateTag, long advertisedReceiverWindow, int outboundStreams,
                                  int inboundStreams, long initialTsn, List<Integer> supportedExtensions) {
        if (Unsigned.requireUint32("initiate tag", initiateTag) == 0) {
            throw new IllegalArgumentException(chunk + " initiate tag must not be 0 (RFC 9260 §3.3.2)");
        }
        Unsigned.requireUint32("advertised receiver window", advertisedReceiverWindow);
        if (Unsigned.requireUint16("outbound streams", outboundStreams) == 0
                || Unsigned.requireUint16("inbound streams", inboundStreams) == 0) {
            throw new IllegalArgumentException(chunk + " stream counts must not be 0 (RFC 9260 §3.3.2)");
        }
        Unsigned.requireUint32("initial TSN", initialTsn);
        List<Integer> extensions = List.copyOf(supportedExtensions);
        for (int type : extensions) {
            Unsigned.requireUint8("supported extension chunk type", type);
        }
        Tlv.requireValueLength("Supported Extensions parameter", extensions.size());
        return extensions;
    }

    /** The chunk length field: header, fixed fields and parameters, the last one's padding excluded. */
    static int length(boolean forwardTsnSupported, List<Integer> supportedExtensions, byte[] stateCookie) {
        int length = ChunkHeader.SIZE + FIXED_VALUE_SIZE;
        if (stateCookie != null) {
            length = Tlv.append(length, Tlv.HEADER_SIZE + stateCookie.length);
        }
        if (forwardTsnSupported) {
            length = Tlv.append(length, Tlv.HEADER_SIZE);
        }
        if (!supportedExtensions.isEmpty()) {
            length = Tlv.append(length, Tlv.HEADER_SIZE + supportedExtensions.size());
        }
        return length;
    }

    /** Writes the whole chunk, {@code stateCookie} only if not null, and returns its padded size. */
    static int write(byte[] buffer, int offset, int type, long initiateTag, long advertisedReceiverWindow,
                     int outboundStreams, int inboundStreams, long initialTsn, boolean forwardTsnSupported,
                     List<Integer> supportedExtensions, byte[] stateCookie) {
        int size = ChunkHeader.write(buffer, offset, type, 0,
                length(forwardTsnSupported, supportedExtensions, stateCookie));
        int position = offset + ChunkHeader.SIZE;
        putUint32(buffer, position, initiateTag);
        putUint32(buffer, position + 4, advertisedReceiverWindow);
        putUint16(buffer, position + 8, outboundStreams);
        putUint16(buffer, position + 10, inboundStreams);
        putUint32(buffer, position + 12, initialTsn);
        position += FIXED_VALUE_SIZE;
        if (stateCookie != null) {
            position += Tlv.write(buffer, position, STATE_COOKIE, stateCookie);
        }
        if (forwardTsnSupported) {
            position = Tlv.writeHeader(buffer, position, FORWARD_TSN_SUPPORTED, 0);
        }
        if (!supportedExtensions.isEmpty()) {
            int value = Tlv.writeHeader(buffer, position, SUPPORTED_EXTENSIONS, supportedExtensions.size());
            for (int i = 0; i < supportedExtensions.size(); i++) {
                putUint8(buffer, value + i, supportedExtensions.get(i));
            }
        }
        return size;
    }

    /**
     * Parses the value of an INIT or INIT ACK. A State Cookie is kept only if {@code cookieExpected}; a known
     * parameter appearing twice is rejected rather than guessed at.
     *
     * @throws SctpParseException if the fixed fields are truncated, the initiate tag or a stream count is
     *         zero, or a parameter is malformed
     */
    static Fields parse(String chunk, boolean cookieExpected, byte[] buffer, int offset, int length)
            throws SctpParseException {
        ChunkHeader.requireMinimumValueLength(chunk, length, FIXED_VALUE_SIZE);
        long initiateTag = getUint32(buffer, offset);
        if (initiateTag == 0) {
            throw new SctpParseException(chunk + " chunk with initiate tag 0");
        }
        int outboundStreams = getUint16(buffer, offset + 8);
        int inboundStreams = getUint16(buffer, offset + 10);
        if (outboundStreams == 0 || inboundStreams == 0) {
            throw new SctpParseException(chunk + " chunk with " + outboundStreams + " outbound and "
                    + inboundStreams + " inbound streams: neither may be 0");
        }
        ParameterReader parameters = new ParameterReader(chunk, cookieExpected, buffer);
        Tlv.forEach(chunk + " parameter", buffer, offset + FIXED_VALUE_SIZE, length - FIXED_VALUE_SIZE,
                parameters);
        return new Fields(initiateTag, getUint32(buffer, offset + 4), outboundStreams, inboundStreams,
                getUint32(buffer, offset + 12), parameters.forwardTsnSupported,
                parameters.supportedExtensions == null ? List.of()
                        : Collections.unmodifiableList(parameters.supportedExtensions),
                parameters.stateCookie);
    }

    /** Collects the parameters this codec knows while {@link Tlv#forEach} walks the list. */
    private static final class ParameterReader implements Tlv.Visitor {

        private final String chunk;
        private final boolean cookieExpected;
        private final byte[] buffer;
        boolean forwardTsnSupported;
        List<Integer> supportedExtensions;
        byte[] stateCookie;

        ParameterReader(String chunk, boolean cookieExpected, byte[] buffer) {
            this.chunk = chunk;
            this.cookieExpected = cookieExpected;
            this.buffer = buffer;
        }

        @Override
        public void visit(int type, int valueOffset, int valueLength) throws SctpParseException {
            switch (type) {
                case FORWARD_TSN_SUPPORTED -> {
                    rejectDuplicate(forwardTsnSupported, "Forward-TSN-Supported");
                    forwardTsnSupported = true;
                }
                case SUPPORTED_EXTENSIONS -> {
                    rejectDuplicate(supportedExtensions != null, "Supported Extensions");
                    supportedExtensions = new ArrayList<>(valueLength);
                    for (int i = 0; i < valueLength; i++) {
                        supportedExtensions.add(getUint8(buffer, valueOffset + i));
                    }
                }
                case STATE_COOKIE -> {
                    if (cookieExpected) {
                        rejectDuplicate(stateCookie != null, "State Cookie");
                        stateCookie = Arrays.copyOfRange(buffer, valueOffset, valueOffset + valueLength);
                    }
                }
                default -> {
                    // RFC 9260 §3.2.1: unrecognized parameters; see the class comment.
                }
            }
        }

        private void rejectDuplicate(boolean seen, String parameter) throws SctpParseException {
            if (seen) {
                throw new SctpParseException(chunk + " chunk carries the " + parameter + " parameter twice");
            }
        }
    }
}
