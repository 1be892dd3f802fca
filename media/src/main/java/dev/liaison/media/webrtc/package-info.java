/**
 * WebRTC legs on the muxed port: each {@link dev.liaison.media.webrtc.WebRtcLeg} is one mux session (ICE-lite with its
 * own ufrag) plus one DTLS-SRTP association; inbound SRTP and SRTCP are unprotected on the mux reader thread and
 * handed to the bridge as plain RTP and RTCP, outbound plain packets are protected and sent to the nominated address.
 * {@link dev.liaison.media.webrtc.WebRtcLegs} opens them, runs the DTLS handshakes on one bounded pool and ends legs
 * whose consent expired.
 */
package dev.liaison.media.webrtc;
