package dev.liaison.gateway.client;

import dev.liaison.gateway.call.CallRequests;
import dev.liaison.gateway.client.protocol.ProtocolCodec;
import dev.liaison.gateway.client.protocol.ProtocolSchemas;
import dev.liaison.gateway.client.session.ClientLegProvider;
import dev.liaison.gateway.client.session.ClientSessionRegistry;
import dev.liaison.gateway.client.session.ScheduledTimeouts;
import dev.liaison.gateway.client.session.SessionEvents;
import dev.liaison.gateway.client.session.Timeouts;
import dev.liaison.gateway.client.token.ClientTokenIssuer;
import dev.liaison.gateway.client.token.ClientTokenVerifier;
import dev.liaison.gateway.client.token.TokenKey;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The client protocol's services: token key, issuer and verifier, schemas and codec, the session registry with its
 * timeouts, the leg provider for calls to clients, and the service other modules use. The WebSocket endpoint itself is
 * in {@link ClientWebSocketConfiguration} (servlet web applications only).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClientProperties.class)
public class ClientGatewayConfiguration {

    @Bean
    TokenKey clientTokenKey(ClientProperties properties) {
        return TokenKey.fromConfiguration(properties.tokenSecret());
    }

    @Bean
    ClientTokenIssuer clientTokenIssuer(TokenKey key, ClientProperties properties, ObjectProvider<Clock> clock) {
        return new ClientTokenIssuer(key, properties.tokenIssuer(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    ClientTokenVerifier clientTokenVerifier(TokenKey key, ClientProperties properties, ObjectProvider<Clock> clock) {
        return new ClientTokenVerifier(key, properties.tokenIssuer(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    ProtocolCodec clientProtocolCodec() {
        return new ProtocolCodec(new ProtocolSchemas());
    }

    @Bean
    ClientExecutors clientExecutors() {
        return new ClientExecutors();
    }

    @Bean
    Timeouts clientTimeouts(ClientExecutors executors) {
        return new ScheduledTimeouts(executors.timeouts());
    }

    @Bean
    SessionEvents clientSessionEvents(ObjectProvider<ClientSessionListener> listeners) {
        return new SessionEvents(listeners.orderedStream().toList());
    }

    /** On shutdown the sessions close and their calls end with {@code unavailable}: no call outlives its node. */
    @Bean(destroyMethod = "closeAll")
    ClientSessionRegistry clientSessionRegistry(
            ClientProperties properties, Timeouts clientTimeouts, SessionEvents clientSessionEvents) {
        return new ClientSessionRegistry(
                properties.detachTimeout(),
                properties.sessionsPerToken(),
                properties.detachedBufferMessages(),
                clientTimeouts,
                clientSessionEvents);
    }

    @Bean
    ClientLegProvider clientLegProvider(ClientSessionRegistry registry) {
        return new ClientLegProvider(registry);
    }

    @Bean
    ClientSessions clientSessions(ClientSessionRegistry registry) {
        return new ClientSessions(registry);
    }

    @Bean
    ClientMetrics clientMetrics(ObjectProvider<MeterRegistry> meters, ClientSessionRegistry registry) {
        return new ClientMetrics(meters.getIfAvailable(SimpleMeterRegistry::new), registry);
    }

    @Bean
    ClientRequestHandler clientRequestHandler(
            ClientTokenVerifier verifier,
            ClientSessionRegistry registry,
            SessionEvents clientSessionEvents,
            ObjectProvider<CallRequests> callRequests) {
        return new ClientRequestHandler(
                verifier, registry, clientSessionEvents, () -> Optional.ofNullable(callRequests.getIfAvailable()));
    }
}
