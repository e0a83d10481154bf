package dev.switchyard.media;

import dev.switchyard.rtp.HeaderExtensionCursor;
import dev.switchyard.rtp.RtpPacket;

/**
 * Applies a {@link HeaderExtensionMap} to packets in place: one per send stream, used by its sending thread
 * only; allocates nothing.
 */
final class HeaderExtensionRewriter {

    private final HeaderExtensionCursor cursor = new HeaderExtensionCursor();

    /** Renumbers the elements the subscriber negotiated and blanks the others. */
    void rewrite(RtpPacket packet, HeaderExtensionMap map) {
        if (!cursor.wrap(packet)) {
            return;
        }
        while (cursor.next()) {
            int subscriberId = map.subscriberId(cursor.id());
            if (subscriberId == 0 || !cursor.setId(subscriberId)) {
                cursor.remove();
            }
        }
    }
}
