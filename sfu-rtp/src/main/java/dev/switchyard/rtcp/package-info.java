/**
 * RTCP wire formats: the common header, a compound-packet iterator, and one reader view plus writer per
 * packet format (RFC 3550 §6, RFC 4585, RFC 5104, REMB and transport-wide congestion control drafts).
 *
 * <p>Conventions shared by every class here:
 * <ul>
 *   <li>Readers are reusable flyweights: {@code wrap(buffer, offset, length)} validates and returns false on
 *       malformed input, never throws, never reads outside the range and allocates nothing. Only the methods
 *       that return a {@code String} or a value record allocate.</li>
 *   <li>Writers are static {@code write(destination, offset, ...)} methods (or the reusable
 *       {@link dev.switchyard.rtcp.TransportWideFeedbackBuilder}) that return the number of bytes written and
 *       throw {@link java.lang.IllegalArgumentException} on programmer error, such as a destination too small.
 *       Packets written back to back form a compound packet.</li>
 *   <li>Unsigned 32-bit fields (SSRCs, timestamps, counters) are exposed as {@code long}; writers write their
 *       low 32 bits. 16-bit and 8-bit fields are {@code int}.</li>
 * </ul>
 */
package dev.switchyard.rtcp;
