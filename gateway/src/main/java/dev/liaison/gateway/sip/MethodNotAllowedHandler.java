package dev.liaison.gateway.sip;

import java.util.Map;
import java.util.Set;
import javax.sip.message.Response;

/**
 * Methods this endpoint does not serve: 405 with {@code Allow} for methods SIP defines (REGISTER, SUBSCRIBE, ...), 501
 * for methods it does not know.
 */
final class MethodNotAllowedHandler implements RequestHandler {

    private static final Set<String> KNOWN = Set.of("REGISTER", "SUBSCRIBE", "NOTIFY", "PUBLISH", "MESSAGE", "INFO");

    @Override
    public void handle(IncomingRequest incoming) {
        if (KNOWN.contains(incoming.method())) {
            throw new SipStatusException(
                    Response.METHOD_NOT_ALLOWED,
                    incoming.method() + " not allowed",
                    Map.of("Allow", String.join(", ", SipContext.ALLOWED_METHODS)));
        }
        throw new SipStatusException(Response.NOT_IMPLEMENTED, incoming.method() + " not implemented");
    }
}
