package dev.liaison.gateway.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.gateway.call.LegState;
import dev.liaison.gateway.client.ClientWebSocketHandler;
import dev.liaison.gateway.client.session.ClientSessionRegistry;
import dev.liaison.gateway.client.token.ClientTokenIssuer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Boots {@link ClientGatewayTestApplication} on a random port; each test talks to {@code /ws/client} with real
 * WebSocket clients and ends by checking that no session, call leg or connection leaked. No token secret is
 * configured: the node makes a random key and the tests mint tokens with the node's own issuer.
 */
@SpringBootTest(
        classes = ClientGatewayTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"liaison.gateway.client.sessions-per-token=2"})
abstract class ClientProtocolITSupport {

    static final String OFFER = "v=0\r\no=browser 1 1 IN IP4 127.0.0.1\r\ns=-\r\n";

    @LocalServerPort
    int port;

    @Autowired
    ClientTokenIssuer issuer;

    @Autowired
    ClientSessionRegistry registry;

    @Autowired
    ClientWebSocketHandler handler;

    @Autowired
    AnsweringCallRequests callLayer;

    @Autowired
    RecordingSessionListener sessionEvents;

    private final List<ProtocolTestClient> clients = new ArrayList<>();

    @BeforeEach
    void cleanSlate() {
        callLayer.clear();
        sessionEvents.clear();
    }

    @AfterEach
    void nothingLeaked() {
        clients.forEach(ProtocolTestClient::close);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(handler.connectionCount()).as("open connections").isZero();
            assertThat(registry.sessionCount()).as("live sessions").isZero();
            assertThat(registry.legCount()).as("live client legs").isZero();
        });
        assertThat(callLayer.received())
                .allSatisfy(call -> assertThat(call.leg().state()).isEqualTo(LegState.ENDED));
    }

    String token(Set<String> destinations) {
        return issuer.issue("visitor-1", "acme", destinations, Set.of(), Duration.ofMinutes(5));
    }

    String token() {
        return token(Set.of("support", "sales"));
    }

    ProtocolTestClient connect() {
        return connect(Optional.empty());
    }

    ProtocolTestClient connect(Optional<String> origin) {
        ProtocolTestClient client = ProtocolTestClient.connect(port, origin);
        clients.add(client);
        return client;
    }
}
