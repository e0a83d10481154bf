/**
 * SCTP chunks (RFC 9260 §3.3, with RFC 3758 FORWARD TSN, RFC 6525 RE-CONFIG and RFC 7053's I flag): one record
 * per chunk type, {@link dev.switchyard.sctp.chunk.Chunks#parse} to read the chunks of a packet, and
 * {@link dev.switchyard.sctp.chunk.Chunk#writeTo} to write one. Types without a record arrive as
 * {@link dev.switchyard.sctp.chunk.UnknownChunk}.
 */
package dev.switchyard.sctp.chunk;
