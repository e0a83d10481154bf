package dev.switchyard.conference;

import java.util.List;
import java.util.Map;

/**
 * One sending m-line of a publisher offer that the server accepted.
 *
 * @param extensionIds the header extensions accepted on this m-line, by URI, with the publisher's ids
 * @param repairSsrcs RTX SSRC to the media SSRC it repairs, as the offer's FID groups announce them
 * @param ssrcs the media SSRCs the offer announced ({@code a=ssrc}, without RTX); empty when the publisher
 *              announces none (Firefox, simulcast) and packets are bound to the m-line by the MID extension
 */
record PublishedMedia(String mid, MediaKind kind, CodecChoice codec, Map<String, Integer> extensionIds,
                      List<Long> ssrcs, Map<Long, Long> repairSsrcs) {

    PublishedMedia {
        extensionIds = Map.copyOf(extensionIds);
        ssrcs = List.copyOf(ssrcs);
        repairSsrcs = Map.copyOf(repairSsrcs);
    }
}
