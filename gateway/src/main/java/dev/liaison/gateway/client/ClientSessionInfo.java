package dev.liaison.gateway.client;

import java.util.Objects;

/**
 * Who a client session is, as the listeners and routes see it. Holds no secret (neither the token nor the resume
 * token).
 *
 * @param sessionId the session's id on this node, also the target of calls towards the client
 * @param correlationId the correlation ID the session runs under
 * @param subject the token's subject (the customer as the site knows them)
 * @param site the site (tenant) that issued the token
 */
public record ClientSessionInfo(String sessionId, String correlationId, String subject, String site) {

    public ClientSessionInfo {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(site, "site");
    }
}
