package dev.liaison.gateway.client.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * A client request that cannot be carried out, with the stable wire code the client receives. Thrown anywhere between
 * the socket and the session; turned into an {@code error} message in exactly one place, the WebSocket handler.
 */
public final class ClientProtocolException extends RuntimeException {

    private final ClientErrorCode code;
    private final transient Optional<String> path;

    public ClientProtocolException(ClientErrorCode code, String message) {
        this(code, message, Optional.empty());
    }

    /**
     * @param path JSON Pointer into the offending message (for {@link ClientErrorCode#INVALID_MESSAGE}), when known
     */
    public ClientProtocolException(ClientErrorCode code, String message, Optional<String> path) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.path = Objects.requireNonNull(path, "path");
    }

    public ClientErrorCode code() {
        return code;
    }

    public Optional<String> path() {
        return path;
    }
}
