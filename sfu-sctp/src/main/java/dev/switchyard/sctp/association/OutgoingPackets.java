package dev.switchyard.sctp.association;

import java.util.ArrayList;
import java.util.List;

import dev.switchyard.sctp.SctpPacket;
import dev.switchyard.sctp.chunk.Chunk;

/** Bundles chunks into packets of at most the MTU (RFC 9260 §6.10) and hands each full one to the listener. */
final class OutgoingPackets {

    private final int port;
    private final int mtu;
    private final AssociationListener listener;
    private final List<Chunk> chunks = new ArrayList<>();
    private int size = SctpPacket.COMMON_HEADER_SIZE;
    private long verificationTag;
    private int packetsSent;

    OutgoingPackets(int port, int mtu, AssociationListener listener) {
        this.port = port;
        this.mtu = mtu;
        this.listener = listener;
    }

    /** Room for chunk payload in an empty packet. */
    int capacity() {
        return mtu - SctpPacket.COMMON_HEADER_SIZE;
    }

    /** Whether a chunk of {@code chunkSize} bytes (padding included) still fits the packet being filled. */
    boolean fits(int chunkSize) {
        return size + chunkSize <= mtu;
    }

    boolean isEmpty() {
        return chunks.isEmpty();
    }

    /** Adds {@code chunk} to the packet for {@code tag}, sending the packet first when the chunk does not fit. */
    void add(long tag, Chunk chunk) {
        if (!chunks.isEmpty() && (tag != verificationTag || !fits(chunk.serializedSize()))) {
            flush();
        }
        verificationTag = tag;
        chunks.add(chunk);
        size += chunk.serializedSize();
    }

    /** Sends the packet being filled, if any. */
    void flush() {
        if (chunks.isEmpty()) {
            return;
        }
        SctpPacket packet = new SctpPacket(port, port, verificationTag, List.copyOf(chunks));
        chunks.clear();
        size = SctpPacket.COMMON_HEADER_SIZE;
        packetsSent++;
        listener.sendPacket(packet.serialize());
    }

    int packetsSent() {
        return packetsSent;
    }
}
