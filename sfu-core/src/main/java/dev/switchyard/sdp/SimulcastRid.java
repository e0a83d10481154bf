package dev.switchyard.sdp;

import java.util.Objects;

/** One rid in an {@code a=simulcast} list; {@code paused} is the {@code ~} prefix (RFC 8853 §5.1). */
public record SimulcastRid(String rid, boolean paused) {

    public SimulcastRid {
        Objects.requireNonNull(rid, "rid");
    }

    static SimulcastRid parse(String token) {
        boolean paused = token.startsWith("~");
        String rid = paused ? token.substring(1) : token;
        if (!Rid.isRidId(rid)) {
            throw new SdpParseException("a=simulcast: invalid rid '" + token + "'");
        }
        return new SimulcastRid(rid, paused);
    }

    @Override
    public String toString() {
        return paused ? "~" + rid : rid;
    }
}
