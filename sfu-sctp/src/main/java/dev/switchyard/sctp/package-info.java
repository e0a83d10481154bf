/**
 * SCTP for WebRTC data channels (RFC 8831, RFC 8841; SCTP over DTLS, RFC 8261): the packet and its common
 * header here, the chunks in {@link dev.switchyard.sctp.chunk}, the Data Channel Establishment Protocol in
 * {@link dev.switchyard.sctp.dcep}. These packages do no I/O and keep no state.
 *
 * <p>Conventions shared by the wire-format packages:
 * <ul>
 *   <li>Each wire format is an immutable record with a static {@code parse} and a {@code serialize} or
 *       {@code writeTo}, symmetric: what one writes the other reads back equal.</li>
 *   <li>Parsers trust nothing: every length is checked against the bytes at hand, and anything malformed
 *       throws {@link dev.switchyard.sctp.SctpParseException}, the only exception they throw on any input.</li>
 *   <li>Constructors check field ranges and throw {@link java.lang.IllegalArgumentException}: building a
 *       record that could not be written is a programmer error.</li>
 *   <li>Unsigned 32-bit fields are {@code long}, 16-bit and 8-bit fields {@code int}.</li>
 *   <li>Byte arrays in records are not copied on the way in or out, and records compare them by identity
 *       (plain record {@code equals}); parsed records hold their own copies of the packet's bytes.</li>
 * </ul>
 */
package dev.switchyard.sctp;
