package dev.liaison.media.srtp;

/** What happened to one packet going through an SRTP session; every outcome but {@link #OK} is a drop. */
public enum SrtpOutcome {
    OK,
    AUTH_FAILED,
    REPLAYED,
    TOO_OLD,
    MALFORMED,
    TOO_MANY_SSRCS,
    FAILED
}
