package dev.liaison.media.srtp;

/** What happened to one packet going through an SRTP session; every outcome but {@link #OK} is a drop. */
public enum SrtpOutcome {
    OK,
    /** Keys not agreed yet (DTLS still handshaking): media is never forwarded before that. */
    NOT_READY,
    AUTH_FAILED,
    REPLAYED,
    TOO_OLD,
    MALFORMED,
    TOO_MANY_SSRCS,
    FAILED
}
