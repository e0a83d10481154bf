package dev.switchyard.sctp.association;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import dev.switchyard.sctp.chunk.DataChunk;
import dev.switchyard.sctp.chunk.SkippedStream;

/**
 * Turns received DATA chunks into messages: joins fragments (a message's fragments carry consecutive TSNs, RFC
 * 9260 §6.9), and holds ordered messages until those before them on their stream were delivered (§6.6).
 * Counts the bytes it holds, which is what the receive window subtracts.
 */
final class Reassembly {

    /** Where complete messages go, in delivery order. */
    interface Delivery {
        void deliver(int streamId, long payloadProtocolId, byte[] message);
    }

    /** A whole message waiting for its turn on an ordered stream. */
    private record Message(long payloadProtocolId, byte[] data) {
    }

    /** An ordered inbound stream: the next sequence number to deliver and the messages that came early. */
    private static final class OrderedStream {
        final SerialNumberUnwrapper sequences = SerialNumberUnwrapper.forStreamSequences();
        long next;
        final TreeMap<Long, Message> waiting = new TreeMap<>();
    }

    private final int maxMessageSize;
    private final Delivery delivery;
    /** Fragments of incomplete messages, by unwrapped TSN. */
    private final TreeMap<Long, DataChunk> fragments = new TreeMap<>();
    private final Map<Integer, OrderedStream> orderedStreams = new HashMap<>();
    private long bufferedBytes;

    Reassembly(int maxMessageSize, Delivery delivery) {
        this.maxMessageSize = maxMessageSize;
        this.delivery = delivery;
    }

    long bufferedBytes() {
        return bufferedBytes;
    }

    /**
     * Takes a new (not duplicate) chunk with its unwrapped TSN.
     *
     * @throws MessageTooLargeException if the message it belongs to grew past the largest allowed
     */
    void add(long tsn, DataChunk chunk) throws MessageTooLargeException {
        if (chunk.beginning() && chunk.ending()) {
            complete(chunk.streamId(), chunk.streamSequence(), chunk.unordered(), chunk.payloadProtocolId(),
                    chunk.payload());
            return;
        }
        fragments.put(tsn, chunk);
        bufferedBytes += chunk.payload().length;
        long first = tsn;
        while (!fragments.get(first).beginning()) {
            DataChunk before = fragments.get(first - 1);
            if (before == null || before.ending()) {
                checkSize(first, tsn);
                return;
            }
            first--;
        }
        long last = tsn;
        while (!fragments.get(last).ending()) {
            DataChunk after = fragments.get(last + 1);
            if (after == null || after.beginning()) {
                checkSize(first, last);
                return;
            }
            last++;
        }
        NavigableMap<Long, DataChunk> parts = fragments.subMap(first, true, last, true);
        int size = sizeOf(parts);
        if (size > maxMessageSize) {
            throw new MessageTooLargeException(size, maxMessageSize);
        }
        byte[] message = new byte[size];
        int at = 0;
        for (DataChunk part : parts.values()) {
            System.arraycopy(part.payload(), 0, message, at, part.payload().length);
            at += part.payload().length;
        }
        DataChunk head = parts.firstEntry().getValue();
        parts.clear();
        bufferedBytes -= size;
        complete(head.streamId(), head.streamSequence(), head.unordered(), head.payloadProtocolId(), message);
    }

    /** A message still being received may not grow past the largest allowed either. */
    private void checkSize(long first, long last) throws MessageTooLargeException {
        int size = sizeOf(fragments.subMap(first, true, last, true));
        if (size > maxMessageSize) {
            throw new MessageTooLargeException(size, maxMessageSize);
        }
    }

    private static int sizeOf(NavigableMap<Long, DataChunk> parts) {
        long size = 0;
        for (DataChunk part : parts.values()) {
            size += part.payload().length;
        }
        return (int) Math.min(Integer.MAX_VALUE, size);
    }

    private void complete(int streamId, int sequence, boolean unordered, long payloadProtocolId, byte[] message) {
        if (unordered) {
            delivery.deliver(streamId, payloadProtocolId, message);
            return;
        }
        OrderedStream stream = orderedStreams.computeIfAbsent(streamId, id -> new OrderedStream());
        long unwrapped = stream.sequences.unwrap(sequence);
        if (unwrapped < stream.next) {
            return;
        }
        stream.waiting.put(unwrapped, new Message(payloadProtocolId, message));
        bufferedBytes += message.length;
        deliverInOrder(streamId, stream);
    }

    private void deliverInOrder(int streamId, OrderedStream stream) {
        while (!stream.waiting.isEmpty() && stream.waiting.firstKey() <= stream.next) {
            Map.Entry<Long, Message> first = stream.waiting.pollFirstEntry();
            bufferedBytes -= first.getValue().data().length;
            stream.next = first.getKey() + 1;
            delivery.deliver(streamId, first.getValue().payloadProtocolId(), first.getValue().data());
        }
    }

    /**
     * A FORWARD TSN (RFC 3758 §3.6): drops fragments up to {@code newCumulative}, and on each listed ordered
     * stream delivers what waited up to the skipped sequence number and moves on past it.
     */
    void forward(long newCumulative, Iterable<SkippedStream> skipped) {
        Iterator<Map.Entry<Long, DataChunk>> dropped = fragments.headMap(newCumulative, true).entrySet().iterator();
        while (dropped.hasNext()) {
            bufferedBytes -= dropped.next().getValue().payload().length;
            dropped.remove();
        }
        for (SkippedStream skip : skipped) {
            OrderedStream stream = orderedStreams.computeIfAbsent(skip.streamId(), id -> new OrderedStream());
            long last = stream.sequences.unwrap(skip.streamSequence());
            while (!stream.waiting.isEmpty() && stream.waiting.firstKey() <= last) {
                Map.Entry<Long, Message> first = stream.waiting.pollFirstEntry();
                bufferedBytes -= first.getValue().data().length;
                delivery.deliver(skip.streamId(), first.getValue().payloadProtocolId(), first.getValue().data());
            }
            stream.next = Math.max(stream.next, last + 1);
            deliverInOrder(skip.streamId(), stream);
        }
    }

    /** The peer reset its outgoing stream (RFC 6525 §5.2.2): its sequence numbers start again at 0. */
    void resetStream(int streamId) {
        OrderedStream stream = orderedStreams.remove(streamId);
        if (stream != null) {
            for (Message message : stream.waiting.values()) {
                bufferedBytes -= message.data().length;
            }
        }
    }

    /** A message that grew past the largest the association accepts. */
    static final class MessageTooLargeException extends Exception {
        private static final long serialVersionUID = 1L;

        MessageTooLargeException(int size, int max) {
            super("a message of at least " + size + " bytes exceeds the largest accepted, " + max + " bytes");
        }
    }
}
