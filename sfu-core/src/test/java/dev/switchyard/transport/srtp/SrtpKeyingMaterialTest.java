package dev.switchyard.transport.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SrtpKeyingMaterialTest {

    @Test
    void splitsTheExportAsClientKeyServerKeyClientSaltServerSalt() {
        SrtpProfile profile = SrtpProfile.AES128_CM_HMAC_SHA1_80;
        byte[] exported = new byte[60];
        for (int i = 0; i < exported.length; i++) {
            exported[i] = (byte) i;
        }
        SrtpKeyingMaterial client = SrtpKeyingMaterial.fromDtlsExport(profile, exported, true);
        assertArrayEquals(range(0, 16), client.localKey());
        assertArrayEquals(range(16, 32), client.remoteKey());
        assertArrayEquals(range(32, 46), client.localSalt());
        assertArrayEquals(range(46, 60), client.remoteSalt());

        SrtpKeyingMaterial server = SrtpKeyingMaterial.fromDtlsExport(profile, exported, false);
        assertArrayEquals(client.localKey(), server.remoteKey());
        assertArrayEquals(client.remoteSalt(), server.localSalt());
    }

    @Test
    void gcmExportsFiftySixBytes() {
        assertEquals(56, SrtpProfile.AEAD_AES_128_GCM.exportedKeyingMaterialLength());
        assertEquals(60, SrtpProfile.AES128_CM_HMAC_SHA1_80.exportedKeyingMaterialLength());
        assertThrows(IllegalArgumentException.class,
                () -> SrtpKeyingMaterial.fromDtlsExport(SrtpProfile.AEAD_AES_128_GCM, new byte[60], true));
    }

    @Test
    void rejectsWrongLengthsAndHidesKeysFromToString() {
        assertThrows(IllegalArgumentException.class, () -> new SrtpKeyingMaterial(SrtpProfile.AEAD_AES_128_GCM,
                new byte[16], new byte[14], new byte[16], new byte[12]));
        SrtpKeyingMaterial keys = SrtpKeyingMaterial.fromDtlsExport(SrtpProfile.AEAD_AES_128_GCM, new byte[56], true);
        assertEquals("SrtpKeyingMaterial[AEAD_AES_128_GCM]", keys.toString());
        keys.localKey()[0] = 1;
        assertEquals(0, keys.localKey()[0], "accessors return copies");
        assertFalse(keys.equals(SrtpKeyingMaterial.fromDtlsExport(SrtpProfile.AEAD_AES_128_GCM, range(0, 56), true)));
    }

    @Test
    void profileIdsAreTheRegisteredOnes() {
        assertEquals(SrtpProfile.AES128_CM_HMAC_SHA1_80, SrtpProfile.forProtectionProfileId(0x0001));
        assertEquals(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.forProtectionProfileId(0x0007));
        assertEquals(null, SrtpProfile.forProtectionProfileId(0x0008));
    }

    private static byte[] range(int from, int to) {
        byte[] bytes = new byte[to - from];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (from + i);
        }
        return bytes;
    }
}
