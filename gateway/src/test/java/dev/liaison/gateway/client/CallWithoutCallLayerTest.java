package dev.liaison.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.client.protocol.ProtocolCodec;
import dev.liaison.gateway.client.protocol.ProtocolSchemas;
import dev.liaison.gateway.client.session.ClientSessionRegistry;
import dev.liaison.gateway.client.session.SessionEvents;
import dev.liaison.gateway.client.session.Timeouts;
import dev.liaison.gateway.client.token.ClientTokenIssuer;
import dev.liaison.gateway.client.token.ClientTokenVerifier;
import dev.liaison.gateway.client.token.TokenKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/** The WebSocket handler wired by hand, without a call layer: a call ends at once, and nothing is left behind. */
class CallWithoutCallLayerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Timeouts noTimeouts = (delay, task) -> () -> {};
    private final TokenKey key = TokenKey.random();
    private final ClientProperties properties = ClientProperties.defaults(Optional.empty());
    private final ClientSessionRegistry registry =
            new ClientSessionRegistry(Duration.ofSeconds(30), 5, 8, noTimeouts, new SessionEvents(List.of()));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ClientMetrics metrics = new ClientMetrics(meters, registry);
    private final ClientWebSocketHandler handler = new ClientWebSocketHandler(
            properties,
            new ProtocolCodec(new ProtocolSchemas()),
            new ClientRequestHandler(
                    new ClientTokenVerifier(key, "liaison", Clock.systemUTC()),
                    registry,
                    new SessionEvents(List.of()),
                    Optional::empty),
            registry,
            noTimeouts,
            Runnable::run,
            Clock.systemUTC(),
            metrics);
    private final WebSocketSession socket = mock(WebSocketSession.class);

    @AfterEach
    void nothingLeaked() {
        registry.closeAll();
        assertThat(registry.sessionCount()).isZero();
        assertThat(registry.legCount()).isZero();
    }

    @Test
    void aCallWithNoCallLayerEndsWithUnavailable() throws Exception {
        when(socket.getId()).thenReturn("ws-1");
        when(socket.getHandshakeHeaders()).thenReturn(new HttpHeaders());
        String token = new ClientTokenIssuer(key, "liaison", Clock.systemUTC())
                .issue("visitor-1", "acme", Set.of("support"), Set.of(), Duration.ofMinutes(1));

        handler.afterConnectionEstablished(socket);
        receive("{\"v\":1,\"type\":\"authenticate\",\"token\":\"" + token + "\"}");
        receive("{\"v\":1,\"type\":\"start-session\"}");
        receive("{\"v\":1,\"type\":\"call\",\"id\":\"c1\",\"destination\":\"support\",\"media\":\"audio\"}");

        List<JsonNode> sent = sent();
        assertThat(sent)
                .extracting(m -> m.get("type").asText())
                .containsExactly("authenticated", "session", "calling", "ended");
        assertThat(sent.get(3).get("reason").asText()).isEqualTo(EndReason.UNAVAILABLE.code());
        assertThat(registry.legCount()).isZero();
        assertThat(meters.get("liaison.gateway.client.sessions").gauge().value())
                .isEqualTo(1.0);
        assertThat(meters.get("liaison.gateway.client.messages")
                        .tag("direction", "in")
                        .tag("type", "call")
                        .counter()
                        .count())
                .isEqualTo(1.0);

        handler.afterConnectionClosed(socket, CloseStatus.GOING_AWAY);
        assertThat(handler.connectionCount()).isZero();
    }

    @Test
    void errorsAreCountedByCode() throws Exception {
        when(socket.getId()).thenReturn("ws-2");
        handler.afterConnectionEstablished(socket);

        receive("{nope");

        assertThat(sent())
                .singleElement()
                .satisfies(error -> assertThat(error.get("code").asText()).isEqualTo("bad-json"));
        assertThat(meters.get("liaison.gateway.client.errors")
                        .tag("code", "bad-json")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        handler.afterConnectionClosed(socket, CloseStatus.GOING_AWAY);
    }

    private void receive(String frame) throws Exception {
        handler.handleMessage(socket, new TextMessage(frame));
    }

    private List<JsonNode> sent() throws Exception {
        @SuppressWarnings("unchecked")
        ArgumentCaptor<WebSocketMessage<?>> frames = ArgumentCaptor.forClass(WebSocketMessage.class);
        verify(socket, atLeastOnce()).sendMessage(frames.capture());
        return frames.getAllValues().stream()
                .map(frame -> {
                    try {
                        return JSON.readTree(((TextMessage) frame).getPayload());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
