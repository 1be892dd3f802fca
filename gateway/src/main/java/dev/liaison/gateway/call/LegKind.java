package dev.liaison.gateway.call;

/** Where a call leg ends: a browser or app on the client WebSocket, or a SIP dialog on the trunk. */
public enum LegKind {
    /** A browser or app speaking the JSON protocol on {@code /ws/client} (WebRTC media, DTLS-SRTP). */
    CLIENT,
    /** A SIP user agent reached through the trunk or through SIP over WebSocket (plain RTP or SDES-SRTP). */
    SIP
}
