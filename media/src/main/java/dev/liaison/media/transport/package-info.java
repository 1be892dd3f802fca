/**
 * One UDP socket for every WebRTC session: a reader thread classifies each datagram by its first byte (RFC 7983),
 * hands STUN binding requests to the session named by the USERNAME's local ufrag, and DTLS, RTP and RTCP to the
 * session whose ICE check bound the source address; everything else is counted and dropped.
 */
package dev.liaison.media.transport;
