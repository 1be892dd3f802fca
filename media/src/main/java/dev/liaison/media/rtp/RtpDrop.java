package dev.liaison.media.rtp;

/** Why an RTP leg dropped a packet: the {@code reason} tag of {@code liaison.media.rtp.dropped}. */
public enum RtpDrop {
    /** Not RTP/RTCP, or a header or compound that does not parse; RTP arriving on the RTCP port. */
    MALFORMED,
    /** Larger than {@link RtpLeg#MAX_PACKET}. */
    OVERSIZE,
    /** From an address other than the latched one (or, without latching, the SDP one). */
    UNEXPECTED_SOURCE,
    /** An SDES leg without the peer's key yet. */
    NOT_READY,
    /** SRTP/SRTCP authentication failed (wrong key, tampered). */
    AUTH_FAILED,
    /** SRTP replay window: a replayed or too old packet. */
    REPLAYED,
    /** Any other SRTP failure (too many SSRCs, cipher error). */
    SRTP_FAILED,
    /** Inbound before a listener was set, or the listener threw. */
    NO_LISTENER,
    /** Outbound while the peer holds ({@code c=0.0.0.0} or port 0). */
    ON_HOLD,
    /** Outbound before the peer's description. */
    NO_PEER,
    /** Outbound after close or after the transport failed. */
    CLOSED,
    /** The socket refused the datagram (buffer full, network error). */
    SEND_FAILED;

    String tag() {
        return name().toLowerCase().replace('_', '-');
    }
}
