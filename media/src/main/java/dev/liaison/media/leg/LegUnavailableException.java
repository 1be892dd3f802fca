package dev.liaison.media.leg;

/** No leg can be opened now (media port full, RTP port range exhausted): the call gets 503 / {@code no-media}. */
public class LegUnavailableException extends RuntimeException {

    public LegUnavailableException(String message) {
        super(message);
    }
}
