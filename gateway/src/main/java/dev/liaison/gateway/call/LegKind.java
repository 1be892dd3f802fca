package dev.liaison.gateway.call;

/**
 * Where a call leg ends: a browser or app on the client WebSocket, a SIP dialog on the trunk, a SIP user agent over
 * /ws/sip, or the node itself.
 */
public enum LegKind {
    /** A browser or app speaking the JSON protocol on {@code /ws/client} (WebRTC media, DTLS-SRTP). */
    CLIENT,
    /** A SIP user agent reached through the trunk (plain RTP or SDES-SRTP). */
    SIP,
    /**
     * A SIP user agent registered over SIP over WebSocket ({@code /ws/sip}, RFC 7118), such as JsSIP or SIP.js in a
     * browser (WebRTC media). Dial-plan targets {@code ws-sip:<user>} reach the user's registered contact.
     */
    SIP_WS,
    /**
     * The node itself placed the call ({@link B2bua#originate}, a callback): the caller side has no media endpoint yet
     * and offers held media ({@link OriginLeg}) until someone joins.
     */
    ORIGIN
}
