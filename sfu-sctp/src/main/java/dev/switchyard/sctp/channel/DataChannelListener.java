package dev.switchyard.sctp.channel;

/** What {@link DataChannels} tells its owner, on the thread that called into it. */
public interface DataChannelListener {

    /** An SCTP packet for the peer, to send as DTLS application data. */
    void sendPacket(byte[] packet);

    /** The SCTP association is up: channels can be opened. */
    void onReady();

    /** The peer opened {@code channel} (its DATA_CHANNEL_OPEN arrived and was acknowledged). */
    void onChannelOpened(DataChannel channel);

    /** A message on {@code channel}: text (UTF-8) or binary, possibly empty. */
    void onMessage(DataChannel channel, byte[] data, boolean binary);

    /** {@code channel} closed, by either end (its streams were reset). */
    void onChannelClosed(DataChannel channel);

    /** The association ended: every channel is gone. */
    void onClosed(String reason);
}
