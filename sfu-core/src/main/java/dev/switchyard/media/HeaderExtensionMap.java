package dev.switchyard.media;

import java.util.Map;

/**
 * Which RFC 8285 header extension id of a publisher's packets becomes which id in one subscriber's stream.
 * Each side numbers extensions in its own SDP, so a forwarded packet keeps an extension only if the subscriber
 * negotiated that extension too, under the subscriber's id; every other element is blanked to padding, in place.
 * Immutable; safe to publish to the sending thread.
 */
public final class HeaderExtensionMap {

    /** Keeps no extension at all. */
    public static final HeaderExtensionMap NONE = new HeaderExtensionMap(new byte[256]);

    /** Subscriber id by publisher id; 0 removes the element. */
    private final byte[] subscriberIdByPublisherId;

    private HeaderExtensionMap(byte[] subscriberIdByPublisherId) {
        this.subscriberIdByPublisherId = subscriberIdByPublisherId;
    }

    /**
     * The map between two numberings, each by extension URI; an extension missing on either side is removed.
     *
     * @throws IllegalArgumentException for an id outside 1-255
     */
    public static HeaderExtensionMap between(Map<String, Integer> publisherIds, Map<String, Integer> subscriberIds) {
        byte[] map = new byte[256];
        publisherIds.forEach((uri, publisherId) -> {
            Integer subscriberId = subscriberIds.get(uri);
            if (subscriberId != null) {
                map[requireId(publisherId)] = (byte) requireId(subscriberId);
            }
        });
        return new HeaderExtensionMap(map);
    }

    private static int requireId(int id) {
        if (id < 1 || id > 255) {
            throw new IllegalArgumentException("RFC 8285 extension ids are 1-255: " + id);
        }
        return id;
    }

    /** The subscriber's id for a publisher's {@code id}, or 0 if the element is to be removed. */
    public int subscriberId(int publisherId) {
        return publisherId < 1 || publisherId > 255 ? 0 : subscriberIdByPublisherId[publisherId] & 0xFF;
    }
}
