package dev.switchyard.transport.ice;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the shared media port reads of a datagram before any session owns it — whether it is STUN, the ufrag
 * it names, whether it carries MESSAGE-INTEGRITY, and the 400 answer to a check without it — under Jazzer's
 * coverage feedback (corpus in StunRequestFuzzTestInputs): nothing may throw or read outside the datagram.
 */
class StunRequestFuzzTest {

    private static final int GUARD = 16;

    @FuzzTest(maxDuration = "90s")
    void sharedPortReading(byte @NotNull [] datagram) {
        byte[] framed = new byte[GUARD + datagram.length + GUARD];
        System.arraycopy(datagram, 0, framed, GUARD, datagram.length);
        assertEquals(read(datagram, 0), read(framed, GUARD), "a read outside the datagram");
    }

    private static String read(byte[] buffer, int offset) {
        int length = buffer.length - 2 * offset;
        if (!Stun.isStun(buffer, offset, length)) {
            return "not STUN";
        }
        String ufrag = StunBindingRequest.localUfrag(buffer, offset, length);
        boolean integrity = StunBindingRequest.hasMessageIntegrity(buffer, offset, length);
        if (ufrag != null && !integrity) {
            byte[] answer = StunBadRequest.answering(buffer, offset);
            return ufrag + " 400 " + answer.length;
        }
        return ufrag + " " + integrity;
    }
}
