package dev.switchyard.transport.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DtlsRoleTest {

    @Test
    void activeConnectsAndPassiveAccepts() {
        assertEquals(DtlsRole.CLIENT, DtlsRole.forLocalSetup("active"));
        assertEquals(DtlsRole.SERVER, DtlsRole.forLocalSetup("passive"));
        assertEquals(DtlsRole.SERVER, DtlsRole.forLocalSetup("PASSIVE "));
    }

    @Test
    void actpassAndUnknownValuesAreNotLocalRoles() {
        IllegalArgumentException actpass =
                assertThrows(IllegalArgumentException.class, () -> DtlsRole.forLocalSetup("actpass"));
        assertTrue(actpass.getMessage().contains("actpass"), actpass.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DtlsRole.forLocalSetup("holdconn"));
        assertThrows(IllegalArgumentException.class, () -> DtlsRole.forLocalSetup(""));
    }
}
