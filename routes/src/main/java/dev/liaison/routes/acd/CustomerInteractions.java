package dev.liaison.routes.acd;

import dev.liaison.gateway.client.ClientSessionInfo;
import dev.liaison.gateway.client.ClientSessionListener;
import dev.liaison.palettes.context.Channel;
import dev.liaison.palettes.context.CorrelationService;
import dev.liaison.palettes.context.ResolveRequest;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The ACD interaction (a correlation ID the context store knows) of each customer client session, resolved the first
 * time the session reaches the ACD and kept while the session lives. A session's own correlation ID is continued when
 * the context store knows it; an unknown or non-UUID one starts a new interaction (the store never adopts an ID a
 * client chose).
 */
@Component
class CustomerInteractions implements ClientSessionListener {

    private final CorrelationService correlations;
    private final Map<String, UUID> bySession = new ConcurrentHashMap<>();

    CustomerInteractions(CorrelationService correlations) {
        this.correlations = correlations;
    }

    /**
     * The interaction of a contact arriving on {@code channel}: the session's when it has one already, else resolved
     * from the presented correlation ID (and remembered for the session).
     */
    UUID resolve(Optional<String> sessionId, Optional<String> presented, Channel channel) {
        if (sessionId.isPresent()) {
            UUID known = bySession.get(sessionId.get());
            if (known != null) {
                return known;
            }
        }
        UUID id = correlations
                .resolve(new ResolveRequest(
                        presented.flatMap(CustomerInteractions::uuid).orElse(null), null, channel))
                .interaction()
                .correlationId();
        sessionId.ifPresent(session -> bySession.put(session, id));
        return id;
    }

    /** The interaction a session reached the ACD under, if it did. */
    Optional<UUID> of(String sessionId) {
        return Optional.ofNullable(bySession.get(sessionId));
    }

    @Override
    public void sessionClosed(ClientSessionInfo session, String reason) {
        bySession.remove(session.sessionId());
    }

    /** Sessions remembered now (for no-leak assertions in tests). */
    int size() {
        return bySession.size();
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
