package dev.switchyard.transport.dtls;

import java.util.Locale;

/** Which side of the DTLS handshake we play, decided by the SDP {@code a=setup} attribute (RFC 5763 §5). */
public enum DtlsRole {
    CLIENT,
    SERVER;

    /**
     * The role for our own {@code a=setup} value (RFC 4145 §4): {@code active} connects, so it is the DTLS
     * client; {@code passive} accepts, so it is the server.
     *
     * @throws IllegalArgumentException for {@code actpass}, which offers either role and is never a local
     *                                  decision, and for any other value
     */
    public static DtlsRole forLocalSetup(String setupValue) {
        String value = setupValue.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "active" -> CLIENT;
            case "passive" -> SERVER;
            case "actpass" -> throw new IllegalArgumentException(
                    "setup 'actpass' leaves the role open; the local side must be 'active' or 'passive'");
            default -> throw new IllegalArgumentException(
                    "setup must be 'active' or 'passive', got '" + setupValue + "'");
        };
    }
}
