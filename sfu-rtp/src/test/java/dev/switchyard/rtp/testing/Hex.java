package dev.switchyard.rtp.testing;

import java.util.HexFormat;

/** Test vectors written as hex, with whitespace allowed for grouping by header field. */
public final class Hex {

    private Hex() {
    }

    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }
}
