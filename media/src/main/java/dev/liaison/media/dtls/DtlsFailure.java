package dev.liaison.media.dtls;

/** Why a DTLS-SRTP handshake failed; the tag of the handshake counter. */
public enum DtlsFailure {
    FINGERPRINT_MISMATCH,
    NO_PEER_CERTIFICATE,
    NO_COMMON_SRTP_PROFILE,
    TIMEOUT,
    PEER_ALERT,
    PROTOCOL_ERROR,
    CLOSED,
    /** The handshake executor refused the task (its bounded pool and queue are full). */
    OVERLOADED
}
