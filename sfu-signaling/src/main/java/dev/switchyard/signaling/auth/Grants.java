package dev.switchyard.signaling.auth;

import java.util.EnumSet;
import java.util.Set;

import dev.switchyard.conference.TrackSource;

/**
 * What an access token lets its holder do in its room.
 *
 * @param publishSources the sources it may publish; empty: it may only watch and listen
 * @param subscribe      whether it may receive others' tracks
 * @param data           whether it may send data to the room (data channels)
 * @param admin          whether it may use the admin API
 */
public record Grants(Set<TrackSource> publishSources, boolean subscribe, boolean data, boolean admin) {

    /** Every source, subscribing and data, but no administration: a participant's usual grants. */
    public static final Grants PARTICIPANT = new Grants(EnumSet.allOf(TrackSource.class), true, true, false);

    public Grants {
        publishSources = publishSources.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(publishSources));
    }

    public boolean mayPublish(TrackSource source) {
        return publishSources.contains(source);
    }

    public boolean mayPublish() {
        return !publishSources.isEmpty();
    }
}
