package dev.switchyard.transport.ice;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.ice4j.StunException;
import org.ice4j.attribute.Attribute;
import org.ice4j.attribute.IceControlAttribute;
import org.ice4j.attribute.MessageIntegrityAttribute;
import org.ice4j.attribute.PriorityAttribute;
import org.ice4j.attribute.UsernameAttribute;
import org.ice4j.attribute.XorMappedAddressAttribute;
import org.ice4j.message.Message;
import org.junit.jupiter.api.Test;

import dev.switchyard.rtp.BigEndian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Messages written by {@link StunMessageWriter}, read back by ice4j's independent decoder. */
class StunMessageWriterTest {

    /** RFC 5769 §2.1's transaction id and password. */
    private static final byte[] TRANSACTION_ID = {(byte) 0xb7, (byte) 0xe7, (byte) 0xa7, 0x01, (byte) 0xbc, 0x34,
            (byte) 0xd6, (byte) 0x86, (byte) 0xfa, (byte) 0x87, (byte) 0xdf, (byte) 0xae};
    private static final byte[] PASSWORD = "VOkJxbRl1RmTxUk/WvJxBt".getBytes(StandardCharsets.US_ASCII);
    private static final int MESSAGE_INTEGRITY_BYTES = 24;
    private static final int FINGERPRINT_BYTES = 8;

    @Test
    void aConnectivityCheckCarriesEveryIceAttributeAndValidIntegrityAndFingerprint() throws StunException {
        byte[] buffer = new byte[256];
        int length = new StunMessageWriter(buffer, Stun.BINDING_REQUEST, TRANSACTION_ID, 0)
                .attribute(Stun.USERNAME, "evtj:h6vY".getBytes(StandardCharsets.US_ASCII))
                .uint32Attribute(Stun.PRIORITY, 0x6e0001ffL)
                .uint64Attribute(Stun.ICE_CONTROLLING, 0x932ff9b151263b36L)
                .flagAttribute(Stun.USE_CANDIDATE)
                .messageIntegrity(PASSWORD)
                .fingerprint()
                .length();

        Message check = Message.decode(buffer, 0, length);

        assertEquals(Message.BINDING_REQUEST, check.getMessageType());
        assertArrayEquals(TRANSACTION_ID, check.getTransactionID());
        assertEquals("evtj:h6vY", new String(((UsernameAttribute) check.getAttribute(Attribute.USERNAME))
                .getUsername(), StandardCharsets.US_ASCII));
        assertEquals(0x6e0001ffL, ((PriorityAttribute) check.getAttribute(Attribute.PRIORITY)).getPriority());
        assertEquals(0x932ff9b151263b36L,
                ((IceControlAttribute) check.getAttribute(Attribute.ICE_CONTROLLING)).getTieBreaker());
        assertNotNull(check.getAttribute(Attribute.USE_CANDIDATE));
        assertMessageIntegrity(buffer, length);
    }

    @Test
    void aSuccessResponseMapsTheAddressAsRfc5769SampleDoes() throws StunException {
        byte[] buffer = new byte[256];
        // RFC 5769 §2.2: 192.0.2.1 port 32853.
        int length = new StunMessageWriter(buffer, Stun.BINDING_SUCCESS_RESPONSE, TRANSACTION_ID, 0)
                .xorMappedIpv4Address(new byte[] {(byte) 192, 0, 2, 1}, 32853)
                .messageIntegrity(PASSWORD)
                .fingerprint()
                .length();

        Message response = Message.decode(buffer, 0, length);

        assertEquals(Message.BINDING_SUCCESS_RESPONSE, response.getMessageType());
        XorMappedAddressAttribute mapped = (XorMappedAddressAttribute) response.getAttribute(
                Attribute.XOR_MAPPED_ADDRESS);
        assertEquals(new InetSocketAddress("192.0.2.1", 32853), mapped.getAddress(TRANSACTION_ID));
        // RFC 5769 §2.2 gives the same attribute's bytes: family 1, port and address XORed with the cookie.
        assertArrayEquals(new byte[] {0x00, 0x01, (byte) 0xa1, 0x47, (byte) 0xe1, 0x12, (byte) 0xa6, 0x43},
                Arrays.copyOfRange(buffer, Stun.HEADER_BYTES + 4, Stun.HEADER_BYTES + 12));
        assertMessageIntegrity(buffer, length);
    }

    @Test
    void aDamagedMessageFailsItsFingerprint() {
        byte[] buffer = new byte[256];
        int length = new StunMessageWriter(buffer, Stun.BINDING_REQUEST, TRANSACTION_ID, 0)
                .uint32Attribute(Stun.PRIORITY, 1)
                .fingerprint()
                .length();
        buffer[Stun.HEADER_BYTES + 7] ^= 1;

        assertThrows(StunException.class, () -> Message.decode(buffer, 0, length));
    }

    /** RFC 8489 §14.5: the HMAC covers the message up to the attribute, with the length counting it. */
    private static void assertMessageIntegrity(byte[] message, int length) {
        int integrityEnd = length - FINGERPRINT_BYTES;
        byte[] covered = Arrays.copyOf(message, integrityEnd - MESSAGE_INTEGRITY_BYTES);
        BigEndian.putUint16(covered, 2, integrityEnd - Stun.HEADER_BYTES);
        assertArrayEquals(MessageIntegrityAttribute.calculateHmacSha1(covered, 0, covered.length, PASSWORD),
                Arrays.copyOfRange(message, integrityEnd - 20, integrityEnd));
    }
}
