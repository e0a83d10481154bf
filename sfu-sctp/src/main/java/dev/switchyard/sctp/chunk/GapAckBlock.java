package dev.switchyard.sctp.chunk;

import dev.switchyard.sctp.Unsigned;

/**
 * One Gap Ack Block of a SACK (RFC 9260 §3.3.4): the TSNs from {@code cumulativeTsnAck + start} to
 * {@code cumulativeTsnAck + end} inclusive were received. Whether {@code start <= end} and blocks are in order
 * is for the association to judge; the wire format only bounds each offset.
 *
 * @param start offset of the first received TSN from the cumulative TSN ack, 16 bits
 * @param end   offset of the last received TSN from the cumulative TSN ack, 16 bits
 */
public record GapAckBlock(int start, int end) {

    public GapAckBlock {
        Unsigned.requireUint16("gap ack block start", start);
        Unsigned.requireUint16("gap ack block end", end);
    }
}
