package dev.liaison.media.bridge;

/** What kind of peer a side of a bridge is. */
public enum LegProfile {
    /** A browser or WebRTC app: ICE, DTLS-SRTP, rtcp-mux, BUNDLE, on the muxed port. */
    WEBRTC,
    /** A phone or PBX: RTP/AVP, or SDES-SRTP (RTP/SAVP) when its SDP asks for it, on a port from the range. */
    RTP
}
