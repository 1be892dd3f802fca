package dev.liaison.gateway.sip;

import java.util.Map;
import java.util.Optional;

/**
 * A request cannot be served: carries the SIP status (and optional extra headers such as {@code Retry-After} or
 * {@code Unsupported}, and optionally a reason phrase that says why) that {@link SipDispatcher} turns into the response,
 * in that one place.
 */
public class SipStatusException extends RuntimeException {

    private final int status;
    private final Map<String, String> headers;
    private final boolean reasonOnTheWire;

    public SipStatusException(int status, String message) {
        this(status, message, Map.of());
    }

    public SipStatusException(int status, String message, Map<String, String> headers) {
        this(status, message, headers, false);
    }

    private SipStatusException(int status, String message, Map<String, String> headers, boolean reasonOnTheWire) {
        super(message);
        if (status < 300 || status > 699) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.reasonOnTheWire = reasonOnTheWire;
    }

    /** A refusal whose response carries {@code reasonPhrase} (what is wrong with the request) as its reason phrase. */
    public static SipStatusException withReason(int status, String reasonPhrase) {
        return new SipStatusException(status, reasonPhrase, Map.of(), true);
    }

    public int status() {
        return status;
    }

    /** Extra headers for the response, name to value. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The reason phrase for the response, when it should say more than the status's default. */
    public Optional<String> reasonPhrase() {
        return reasonOnTheWire ? Optional.of(TransferSubscription.sanitize(getMessage(), status)) : Optional.empty();
    }
}
