/**
 * The contract between the broker's bridges and its two kinds of legs: a WebRTC leg on the muxed port (package
 * {@code webrtc}: ICE-lite, DTLS-SRTP) and a plain RTP or SDES-SRTP leg on its own port pair (package {@code rtp}).
 * A leg hands the bridge plain (decrypted) RTP and RTCP and takes plain packets to send; everything about keys,
 * addresses and sockets stays inside the leg.
 */
package dev.liaison.media.leg;
