package dev.liaison.media.webrtc;

import dev.liaison.media.srtp.SrtpOutcome;

/** Why a WebRTC leg dropped a packet; the {@code reason} tag of {@code liaison.media.webrtc.dropped}. */
public enum MediaDrop {
    /** DTLS has not completed: no keys, so nothing is forwarded either way. */
    NOT_READY,
    /** SRTP or SRTCP authentication failed (wrong keys, tampered packet). */
    AUTH_FAILED,
    /** A packet already seen (replay window). */
    REPLAYED,
    /** Older than the replay window. */
    TOO_OLD,
    /** Too short or not RTP version 2. */
    MALFORMED,
    /** Authenticated SRTCP whose RTCP does not parse (RFC 3550 6, RFC 4585 6): not forwarded, nothing learnt. */
    MALFORMED_RTCP,
    /** More SSRCs than a leg accepts. */
    TOO_MANY_SSRCS,
    /** The SRTP library failed on the packet. */
    FAILED,
    /** DTLS arrived before the peer's description (no fingerprint to check it against). */
    DTLS_BEFORE_DESCRIPTION,
    /** No listener yet. */
    NO_LISTENER,
    /** No nominated address to send to yet. */
    NO_ADDRESS,
    /** The leg has ended or was closed. */
    ENDED;

    static MediaDrop of(SrtpOutcome outcome) {
        return switch (outcome) {
            case OK -> throw new IllegalArgumentException("not a drop");
            case NOT_READY -> NOT_READY;
            case AUTH_FAILED -> AUTH_FAILED;
            case REPLAYED -> REPLAYED;
            case TOO_OLD -> TOO_OLD;
            case MALFORMED -> MALFORMED;
            case TOO_MANY_SSRCS -> TOO_MANY_SSRCS;
            case FAILED -> FAILED;
        };
    }
}
