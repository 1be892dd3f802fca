package dev.liaison.media.leg;

/** Why a leg stopped carrying media on its own; each maps to a call end reason the gateway reports. */
public enum LegEndReason {
    /** ICE consent freshness (RFC 7675) expired: the browser went away without signaling. */
    CONSENT_EXPIRED,
    /** The DTLS handshake failed or timed out, or the peer's certificate did not match its SDP fingerprint. */
    DTLS_FAILED,
    /** No media arrived for longer than {@code liaison.media.inactivity-timeout}. */
    INACTIVITY,
    /** The transport failed (socket closed under the leg). */
    TRANSPORT_FAILED
}
