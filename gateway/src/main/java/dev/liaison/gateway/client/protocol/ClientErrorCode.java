package dev.liaison.gateway.client.protocol;

/**
 * The stable error codes of the client protocol, sent in the {@code code} field of an {@code error} message. The wire
 * value is part of the public contract: never rename one, add new ones instead.
 */
public enum ClientErrorCode {
    /** The frame is not a JSON object. */
    BAD_JSON("bad-json", false),
    /** The envelope's {@code v} is missing or not a version this server speaks. */
    UNSUPPORTED_VERSION("unsupported-version", false),
    /** The {@code type} names no client message. */
    UNKNOWN_TYPE("unknown-type", false),
    /** The message breaks its JSON Schema; the error's {@code path} points at the offending field. */
    INVALID_MESSAGE("invalid-message", false),
    /** The message needs an authenticated connection (or a started session) and there is none yet. */
    NOT_AUTHENTICATED("not-authenticated", false),
    /** The token's signature, expiry or claims are not valid. */
    INVALID_TOKEN("invalid-token", false),
    /** The page's origin is not among the token's allowed origins. */
    FORBIDDEN_ORIGIN("forbidden-origin", true),
    /** The destination is not in the token's allow-list (the HTTP 403 of this protocol). */
    FORBIDDEN_DESTINATION("forbidden-destination", false),
    /** The frame is larger than the configured maximum; the server closes the socket with 1009 after this error. */
    TOO_LARGE("too-large", true),
    /** More messages per second than the connection may send; the message was dropped. */
    RATE_LIMITED("rate-limited", false),
    /** The token already has as many live sessions as it may have. */
    TOO_MANY_SESSIONS("too-many-sessions", false),
    /** The resume token names no live session (expired, closed, or another customer's). */
    NO_SUCH_SESSION("no-such-session", false),
    /** The {@code callId} names no live call of this session. */
    NO_SUCH_CALL("no-such-call", false),
    /** The message does not fit the state of the connection, session or call (for example answering twice). */
    INVALID_STATE("invalid-state", false),
    /** The connection did not authenticate in time; the server closes it. */
    AUTHENTICATION_TIMEOUT("authentication-timeout", true),
    /** A fault on the server side; the message may be retried. */
    INTERNAL("internal", false);

    private final String wireCode;
    private final boolean closesConnection;

    ClientErrorCode(String wireCode, boolean closesConnection) {
        this.wireCode = wireCode;
        this.closesConnection = closesConnection;
    }

    /** The code as it appears on the wire. */
    public String wireCode() {
        return wireCode;
    }

    /** Whether the server closes the WebSocket after sending this error. */
    public boolean closesConnection() {
        return closesConnection;
    }
}
