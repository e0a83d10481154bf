package dev.switchyard.datachannel;

/**
 * How much the server queues towards one receiver (sent and not yet acknowledged, all channels together) before
 * it stops sending it more: past {@code unreliableBytes} messages of unreliable channels are dropped, past
 * {@code reliableBytes} a reliable channel is closed, since a reliable channel that silently lost messages would
 * lie. A slow receiver so costs at most {@code reliableBytes} plus one message and never holds others back.
 */
public record DataChannelLimits(long unreliableBytes, long reliableBytes) {

    /** Room for a burst of several largest (256 KiB) messages; 4 MiB per receiver at most. */
    public static DataChannelLimits defaults() {
        return new DataChannelLimits(512 * 1024, 4 * 1024 * 1024);
    }

    public DataChannelLimits {
        if (unreliableBytes < 1 || reliableBytes < unreliableBytes) {
            throw new IllegalArgumentException("0 < unreliableBytes <= reliableBytes is required");
        }
    }
}
