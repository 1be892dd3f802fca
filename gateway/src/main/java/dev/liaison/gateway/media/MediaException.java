package dev.liaison.gateway.media;

/** The media broker refused an SDP: the call cannot be connected as asked (SIP 488, JSON error {@code media}). */
public class MediaException extends RuntimeException {

    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
