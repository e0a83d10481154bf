package dev.switchyard.sctp.association;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The state cookie of an INIT ACK (RFC 9260 §5.1.3): what this end needs to set up the association when the
 * COOKIE ECHO comes back, signed so that the peer cannot forge or alter it, and stamped so that an old one is
 * refused.
 *
 * @param peerTag            the peer's Initiate Tag
 * @param peerInitialTsn     the peer's Initial TSN
 * @param peerReceiveWindow  the peer's advertised receiver window
 * @param localTag           the Initiate Tag this end answered with
 * @param localInitialTsn    the Initial TSN this end answered with
 * @param forwardTsn         both ends support FORWARD TSN (RFC 3758)
 * @param createdMillis      when the cookie was made, on the association's clock
 */
record StateCookie(long peerTag, long peerInitialTsn, long peerReceiveWindow, long localTag, long localInitialTsn,
                   boolean forwardTsn, long createdMillis) {

    private static final String MAC = "HmacSHA256";
    private static final int MAC_LENGTH = 32;
    private static final int BODY_LENGTH = 4 * 5 + 1 + 8;

    /** A secret per association: the cookie only ever comes back to the association that made it. */
    static byte[] newSecret(SecureRandom random) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return secret;
    }

    byte[] sign(byte[] secret) {
        ByteBuffer cookie = ByteBuffer.allocate(BODY_LENGTH + MAC_LENGTH);
        cookie.putInt((int) peerTag).putInt((int) peerInitialTsn).putInt((int) peerReceiveWindow)
                .putInt((int) localTag).putInt((int) localInitialTsn).put((byte) (forwardTsn ? 1 : 0))
                .putLong(createdMillis);
        cookie.put(mac(secret, cookie.array(), BODY_LENGTH));
        return cookie.array();
    }

    /** The cookie's content if its signature holds and it is younger than {@code maxAgeMillis}. */
    static Optional<StateCookie> verify(byte[] cookie, byte[] secret, long nowMillis, long maxAgeMillis) {
        if (cookie.length != BODY_LENGTH + MAC_LENGTH) {
            return Optional.empty();
        }
        byte[] expected = mac(secret, cookie, BODY_LENGTH);
        byte[] actual = new byte[MAC_LENGTH];
        System.arraycopy(cookie, BODY_LENGTH, actual, 0, MAC_LENGTH);
        if (!MessageDigest.isEqual(expected, actual)) {
            return Optional.empty();
        }
        ByteBuffer body = ByteBuffer.wrap(cookie, 0, BODY_LENGTH);
        StateCookie state = new StateCookie(Integer.toUnsignedLong(body.getInt()),
                Integer.toUnsignedLong(body.getInt()), Integer.toUnsignedLong(body.getInt()),
                Integer.toUnsignedLong(body.getInt()), Integer.toUnsignedLong(body.getInt()), body.get() != 0,
                body.getLong());
        long age = nowMillis - state.createdMillis;
        return age < 0 || age > maxAgeMillis ? Optional.empty() : Optional.of(state);
    }

    private static byte[] mac(byte[] secret, byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(new SecretKeySpec(secret, MAC));
            mac.update(data, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
