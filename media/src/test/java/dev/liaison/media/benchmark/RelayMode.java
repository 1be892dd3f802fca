package dev.liaison.media.benchmark;

/** What the relay does between the two phones of a benchmark call. */
enum RelayMode {
    /** Plain RTP/AVP PCMU both sides: pass-through. */
    RTP,
    /** Side A SDES-SRTP (RTP/SAVP), side B plain RTP/AVP: decrypt one way, encrypt the other. */
    SRTP,
    /** Side A Opus 48 kHz, side B PCMU, both plain RTP/AVP: decode and encode both ways. */
    TRANSCODE
}
