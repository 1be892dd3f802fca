/**
 * SIP-side media legs: plain RTP or SDES-SRTP on a port pair from a configured range, all read by one selector thread
 * ({@link dev.liaison.media.rtp.RtpLegs}); symmetric RTP latching, rtcp-mux, hold; RTP and RTCP parsing and writing
 * with typed errors and limits; RFC 3550 receive statistics and round-trip time.
 */
package dev.liaison.media.rtp;
