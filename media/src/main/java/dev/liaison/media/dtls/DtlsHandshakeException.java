package dev.liaison.media.dtls;

/** A failed DTLS-SRTP handshake with its typed reason. */
public final class DtlsHandshakeException extends Exception {
    private final DtlsFailure failure;

    public DtlsHandshakeException(DtlsFailure failure, String message, Throwable cause) {
        super(failure + ": " + message, cause);
        this.failure = failure;
    }

    public DtlsFailure failure() {
        return failure;
    }
}
