package dev.liaison.media.bridge;

/** Why the relay did not forward an inbound packet; the {@code reason} tag of {@code liaison.media.bridge.dropped}. */
enum RelayDrop {
    /** No answer yet: the bridge does not know the codecs of both sides. */
    NOT_NEGOTIATED,
    /** Not an RTP version 2 packet, or its header runs past its length. */
    MALFORMED_RTP,
    /** A payload type the sending side did not negotiate, or a codec the other side cannot take. */
    UNKNOWN_PAYLOAD_TYPE,
    /** The direction is on hold (sendonly, recvonly, inactive). */
    ON_HOLD,
    /** The leg to send on is not ready (no peer address yet, DTLS not done). */
    LEG_NOT_READY,
    /** The leg refused the packet. */
    SEND_FAILED,
    /** The transcoder produced nothing (it counts its own reason in {@code liaison.media.transcoder.dropped}). */
    TRANSCODER,
    /** RTCP is terminated per leg: sender and receiver reports, SDES, BYE and feedback the relay does not forward. */
    RTCP_TERMINATED,
    /** RTCP feedback (PLI, FIR, NACK) about a stream the relay cannot map back to its source. */
    RTCP_FEEDBACK_UNMAPPED,
    /** The bridge is closed. */
    CLOSED,
    /** The relay failed on the packet (a bug, logged): the packet is dropped, the leg goes on. */
    RELAY_FAILED
}
