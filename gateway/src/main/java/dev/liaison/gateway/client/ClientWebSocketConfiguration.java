package dev.liaison.gateway.client;

import dev.liaison.gateway.client.protocol.ProtocolCodec;
import dev.liaison.gateway.client.protocol.ProtocolSchemas;
import dev.liaison.gateway.client.session.ClientSessionRegistry;
import dev.liaison.gateway.client.session.Timeouts;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * The WebSocket endpoint {@code /ws/client} and the published JSON Schemas under {@code /protocol/v1/}. Any origin may
 * open the socket: the origin is checked against the token's allowed origins when the client authenticates.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSocket
public class ClientWebSocketConfiguration implements WebSocketConfigurer, WebMvcConfigurer {

    /** The path of the client protocol endpoint. */
    public static final String PATH = "/ws/client";

    private final ClientWebSocketHandler handler;

    public ClientWebSocketConfiguration(
            ClientProperties properties,
            ProtocolCodec codec,
            ClientRequestHandler requests,
            ClientSessionRegistry registry,
            Timeouts clientTimeouts,
            ClientExecutors executors,
            ObjectProvider<Clock> clock,
            ClientMetrics metrics) {
        this.handler = new ClientWebSocketHandler(
                properties,
                codec,
                requests,
                registry,
                clientTimeouts,
                executors.writer(),
                clock.getIfAvailable(Clock::systemUTC),
                metrics);
    }

    @Bean
    ClientWebSocketHandler clientWebSocketHandler() {
        return handler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, PATH).setAllowedOriginPatterns("*");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/" + ProtocolSchemas.LOCATION + "**")
                .addResourceLocations("classpath:/" + ProtocolSchemas.LOCATION);
    }
}
