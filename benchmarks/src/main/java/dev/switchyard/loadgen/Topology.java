package dev.switchyard.loadgen;

/** Who publishes and who watches in a run. */
enum Topology {
    /** Everyone publishes audio and video and subscribes to everyone else. */
    MEETING,
    /** One participant publishes audio and video; all others only subscribe to it. */
    WEBINAR,
    /** One participant publishes throughout; the others join, receive it, publish, leave and join again. */
    CHURN
}
