package dev.switchyard.transport.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class SrtpKeyDerivationTest {

    private static final HexFormat HEX = HexFormat.of();

    /** RFC 3711 Appendix B.3. */
    @Test
    void derivesTheRfc3711SessionKeys() {
        byte[] masterKey = HEX.parseHex("e1f97a0d3e018be0d64fa32c06de4139");
        byte[] masterSalt = HEX.parseHex("0ec675ad498afeebb6960b3aabe6");
        SrtpKeyDerivation.Labels rtp = SrtpKeyDerivation.Labels.RTP;
        assertEquals("c61e7a93744f39ee10734afe3ff7a087",
                HEX.formatHex(SrtpKeyDerivation.derive(masterKey, masterSalt, rtp.encryption, 16)));
        assertEquals("30cbbc08863d8c85d49db34a9ae1",
                HEX.formatHex(SrtpKeyDerivation.derive(masterKey, masterSalt, rtp.salt, 14)));
        assertEquals("cebe321f6ff7716b6fd4ab49af256a156d38baa4",
                HEX.formatHex(SrtpKeyDerivation.derive(masterKey, masterSalt, rtp.authentication, 20)));
    }
}
