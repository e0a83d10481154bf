package dev.switchyard.transport.srtp;

import java.util.Arrays;
import java.util.Objects;

/**
 * The master keys and salts of one SRTP session: "local" protects what we send, "remote" unprotects what we
 * receive. Arrays are copied in and out; {@link #toString()} never shows key material.
 */
public record SrtpKeyingMaterial(SrtpProfile profile, byte[] localKey, byte[] localSalt, byte[] remoteKey,
                                 byte[] remoteSalt) {

    /** @throws IllegalArgumentException if a key or salt length does not match the profile */
    public SrtpKeyingMaterial {
        Objects.requireNonNull(profile, "profile");
        localKey = checkedCopy(localKey, profile.keyLength(), "localKey");
        localSalt = checkedCopy(localSalt, profile.saltLength(), "localSalt");
        remoteKey = checkedCopy(remoteKey, profile.keyLength(), "remoteKey");
        remoteSalt = checkedCopy(remoteSalt, profile.saltLength(), "remoteSalt");
    }

    /**
     * Splits keying material exported from DTLS, laid out as client key | server key | client salt | server
     * salt (RFC 5764 §4.2); the DTLS client sends with the client's key and salt.
     *
     * @throws IllegalArgumentException if {@code exported} is not {@link SrtpProfile#exportedKeyingMaterialLength()}
     *                                  bytes long
     */
    public static SrtpKeyingMaterial fromDtlsExport(SrtpProfile profile, byte[] exported, boolean localIsDtlsClient) {
        if (exported.length != profile.exportedKeyingMaterialLength()) {
            throw new IllegalArgumentException("exported keying material for " + profile + " must be "
                    + profile.exportedKeyingMaterialLength() + " bytes, got " + exported.length);
        }
        int keyLength = profile.keyLength();
        int saltLength = profile.saltLength();
        byte[] clientKey = Arrays.copyOfRange(exported, 0, keyLength);
        byte[] serverKey = Arrays.copyOfRange(exported, keyLength, 2 * keyLength);
        byte[] clientSalt = Arrays.copyOfRange(exported, 2 * keyLength, 2 * keyLength + saltLength);
        byte[] serverSalt = Arrays.copyOfRange(exported, 2 * keyLength + saltLength, 2 * (keyLength + saltLength));
        return localIsDtlsClient
                ? new SrtpKeyingMaterial(profile, clientKey, clientSalt, serverKey, serverSalt)
                : new SrtpKeyingMaterial(profile, serverKey, serverSalt, clientKey, clientSalt);
    }

    @Override
    public byte[] localKey() {
        return localKey.clone();
    }

    @Override
    public byte[] localSalt() {
        return localSalt.clone();
    }

    @Override
    public byte[] remoteKey() {
        return remoteKey.clone();
    }

    @Override
    public byte[] remoteSalt() {
        return remoteSalt.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SrtpKeyingMaterial that
                && profile == that.profile
                && Arrays.equals(localKey, that.localKey)
                && Arrays.equals(localSalt, that.localSalt)
                && Arrays.equals(remoteKey, that.remoteKey)
                && Arrays.equals(remoteSalt, that.remoteSalt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile, Arrays.hashCode(localKey), Arrays.hashCode(remoteKey));
    }

    @Override
    public String toString() {
        return "SrtpKeyingMaterial[" + profile + "]";
    }

    private static byte[] checkedCopy(byte[] value, int expectedLength, String name) {
        Objects.requireNonNull(value, name);
        if (value.length != expectedLength) {
            throw new IllegalArgumentException(name + " must be " + expectedLength + " bytes, got " + value.length);
        }
        return value.clone();
    }
}
