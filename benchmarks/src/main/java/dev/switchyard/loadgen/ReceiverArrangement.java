package dev.switchyard.loadgen;

/** How the subscribers' sockets are read in a {@link LoopbackForwardingFloor} run. */
enum ReceiverArrangement {
    /** One blocked thread per socket, as each client transport of the load generator reads its own. */
    THREADS,
    /** One thread reading every socket through a {@link java.nio.channels.Selector}. */
    SELECTOR
}
