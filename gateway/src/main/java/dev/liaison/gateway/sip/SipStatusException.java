package dev.liaison.gateway.sip;

import java.util.Map;

/**
 * A request cannot be served: carries the SIP status (and optional extra headers such as {@code Retry-After} or
 * {@code Unsupported}) that {@link SipDispatcher} turns into the response, in that one place.
 */
public class SipStatusException extends RuntimeException {

    private final int status;
    private final Map<String, String> headers;

    public SipStatusException(int status, String message) {
        this(status, message, Map.of());
    }

    public SipStatusException(int status, String message, Map<String, String> headers) {
        super(message);
        if (status < 300 || status > 699) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    /** Extra headers for the response, name to value. */
    public Map<String, String> headers() {
        return headers;
    }
}
