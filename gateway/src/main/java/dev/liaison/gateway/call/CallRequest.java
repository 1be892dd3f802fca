package dev.liaison.gateway.call;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A new call asked for by a leg: a browser's "call" message or an INVITE arriving on the trunk.
 *
 * @param destination what the caller dialled: a Liaison destination name (for example {@code support}), a queue, an
 *     agent, a registered user or a number; for SIP the user part of the Request-URI
 * @param sdpOffer the caller's SDP offer, empty for an offer-less INVITE
 * @param mode the media asked for
 * @param correlationId the correlation ID of the caller's session when it has one (client calls), else empty
 * @param attributes protocol details the routes may use (SIP From/To/P-Asserted-Identity, the client's token
 *     subject); never secrets
 */
public record CallRequest(
        String destination,
        Optional<String> sdpOffer,
        MediaMode mode,
        Optional<String> correlationId,
        Map<String, String> attributes) {

    public CallRequest {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(sdpOffer, "sdpOffer");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(correlationId, "correlationId");
        attributes = Map.copyOf(attributes);
    }
}
