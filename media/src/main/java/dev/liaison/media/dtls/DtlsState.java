package dev.liaison.media.dtls;

/** Life of a DTLS-SRTP endpoint; media may flow only in {@link #CONNECTED}. */
public enum DtlsState {
    NEW,
    HANDSHAKING,
    CONNECTED,
    FAILED,
    CLOSED
}
