package dev.liaison.palettes.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure that the REST API reports to its caller: it carries the HTTP status and a stable machine-readable code.
 * Features throw subclasses of it; {@link ProblemResponses} turns every one of them into an RFC 9457 problem response
 * in one place.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String code;
    private final transient Map<String, Object> properties;

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public ApiException(HttpStatus status, String code, String message, Map<String, Object> properties) {
        super(message);
        this.status = status;
        this.code = code;
        this.properties = Map.copyOf(properties);
    }

    public HttpStatus status() {
        return status;
    }

    /** Stable error code, such as {@code queue.not_found}; clients branch on it, never on the message. */
    public String code() {
        return code;
    }

    /** Extra members of the problem response, such as the field or column at fault. */
    public Map<String, Object> properties() {
        return properties;
    }
}
