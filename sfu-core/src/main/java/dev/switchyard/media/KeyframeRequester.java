package dev.switchyard.media;

/** Asks the publisher of a stream for a keyframe; implementations throttle (see {@link KeyframeRequestThrottle}). */
@FunctionalInterface
public interface KeyframeRequester {

    void requestKeyframe();
}
