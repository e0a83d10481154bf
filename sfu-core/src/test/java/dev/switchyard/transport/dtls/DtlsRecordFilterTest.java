package dev.switchyard.transport.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class DtlsRecordFilterTest {

    /** A ChangeCipherSpec (epoch 0) followed by a 40-byte protected Finished (epoch 1) in one datagram. */
    private static final byte[] CCS_AND_FINISHED = HexFormat.of().parseHex(
            "14fefd0000000000000005000101"
            + "16fefd000100000000000000280000000000000000" + "00".repeat(32));

    @Test
    void acceptsWholeRecordsAndSeveralPerDatagram() {
        assertTrue(DtlsRecordFilter.isWellFramed(CCS_AND_FINISHED, 0, CCS_AND_FINISHED.length));
        assertTrue(DtlsRecordFilter.isWellFramed(CCS_AND_FINISHED, 0, 14));
    }

    @Test
    void recognisesAClientHelloAndNothingElse() {
        // Epoch 0 handshake record whose first handshake message is of type 1 (client_hello), body abridged.
        byte[] clientHello = HexFormat.of().parseHex("16fefd0000000000000000000401000000");
        assertTrue(DtlsRecordFilter.isClientHello(clientHello, 0, clientHello.length));
        byte[] serverHello = clientHello.clone();
        serverHello[13] = 2;
        assertFalse(DtlsRecordFilter.isClientHello(serverHello, 0, serverHello.length));
        assertFalse(DtlsRecordFilter.isClientHello(CCS_AND_FINISHED, 0, CCS_AND_FINISHED.length));
        assertFalse(DtlsRecordFilter.isClientHello(clientHello, 0, 13), "header only");
    }

    @Test
    void rejectsTruncatedUnknownAndTooShortProtectedRecords() {
        assertFalse(DtlsRecordFilter.isWellFramed(CCS_AND_FINISHED, 0, 0));
        assertFalse(DtlsRecordFilter.isWellFramed(CCS_AND_FINISHED, 0, 13), "record body missing");
        assertFalse(DtlsRecordFilter.isWellFramed(CCS_AND_FINISHED, 0, CCS_AND_FINISHED.length - 1));
        byte[] unknownType = CCS_AND_FINISHED.clone();
        unknownType[0] = 25;
        assertFalse(DtlsRecordFilter.isWellFramed(unknownType, 0, 14));
        byte[] tls = CCS_AND_FINISHED.clone();
        tls[1] = 0x03;
        assertFalse(DtlsRecordFilter.isWellFramed(tls, 0, 14));
        byte[] shortProtected = HexFormat.of().parseHex("15fefd000100000000000100020102");
        assertFalse(DtlsRecordFilter.isWellFramed(shortProtected, 0, shortProtected.length));
    }

    /** Never throws and never looks outside its range: an embedded copy between random bytes gives the same answer. */
    @Test
    void fuzzedInputNeverEscapesItsRange() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            byte[] input;
            if (i % 3 == 0) {
                input = new byte[random.nextInt(80)];
                random.nextBytes(input);
            } else {
                input = Arrays.copyOf(CCS_AND_FINISHED, 1 + random.nextInt(CCS_AND_FINISHED.length + 4));
                input[random.nextInt(input.length)] ^= (byte) (1 << random.nextInt(8));
            }
            boolean exact = DtlsRecordFilter.isWellFramed(input, 0, input.length);
            byte[] framed = new byte[input.length + 64];
            random.nextBytes(framed);
            System.arraycopy(input, 0, framed, 32, input.length);
            assertEquals(exact, DtlsRecordFilter.isWellFramed(framed, 32, input.length));
        }
    }
}
