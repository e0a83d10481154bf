package dev.switchyard.sctp.association;

/**
 * What an {@link Association} tells its owner. Called on the thread that called into the association, so a
 * listener must not call back into it re-entrantly except {@link Association#send} from {@link #onMessage}.
 */
public interface AssociationListener {

    /** An SCTP packet to carry to the peer, as DTLS application data. The array is the listener's to keep. */
    void sendPacket(byte[] packet);

    /** The association is up: messages can be sent. */
    void onEstablished();

    /** A whole message arrived on {@code streamId}, in order for an ordered stream. */
    void onMessage(int streamId, long payloadProtocolId, byte[] message);

    /** The peer reset its outgoing {@code streamId} (RFC 6525): a data channel closing (RFC 8831 §6.7). */
    void onIncomingStreamReset(int streamId);

    /** The association ended; nothing more is sent or delivered. */
    void onClosed(String reason);
}
