package dev.liaison.gateway.call;

/** Where a call leg ends: a browser or app on the client WebSocket, a SIP dialog on the trunk, or the node itself. */
public enum LegKind {
    /** A browser or app speaking the JSON protocol on {@code /ws/client} (WebRTC media, DTLS-SRTP). */
    CLIENT,
    /** A SIP user agent reached through the trunk or through SIP over WebSocket (plain RTP or SDES-SRTP). */
    SIP,
    /**
     * The node itself placed the call ({@link B2bua#originate}, a callback): the caller side has no media endpoint yet
     * and offers held media ({@link OriginLeg}) until someone joins.
     */
    ORIGIN
}
