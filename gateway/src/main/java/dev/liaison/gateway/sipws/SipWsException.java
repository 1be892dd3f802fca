package dev.liaison.gateway.sipws;

import java.util.List;

/**
 * A SIP request that cannot be served, carrying the response it gets: status, reason phrase and extra header lines
 * (a challenge, Min-Expires, Allow). Thrown anywhere below {@link SipWsHandler}, turned into the response there and
 * only there.
 */
public final class SipWsException extends RuntimeException {

    private final int status;
    private final List<String> headers;

    public SipWsException(int status, String reason, List<String> headers) {
        super(reason);
        this.status = status;
        this.headers = List.copyOf(headers);
    }

    public SipWsException(int status, String reason) {
        this(status, reason, List.of());
    }

    public int status() {
        return status;
    }

    /** Complete header lines ({@code Name: value}) added to the response. */
    public List<String> headers() {
        return headers;
    }
}
