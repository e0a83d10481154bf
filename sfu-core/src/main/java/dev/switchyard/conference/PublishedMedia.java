package dev.switchyard.conference;

import java.util.List;

/**
 * One sending m-line of a publisher offer that the server accepted.
 *
 * @param ssrcs the media SSRCs the offer announced ({@code a=ssrc}, without RTX); empty when the publisher
 *              announces none (Firefox, simulcast) and packets are bound to the m-line by the MID extension
 */
record PublishedMedia(String mid, MediaKind kind, CodecChoice codec, List<Long> ssrcs) {

    PublishedMedia {
        ssrcs = List.copyOf(ssrcs);
    }
}
