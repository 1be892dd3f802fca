package dev.liaison.gateway.sipws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.gateway.client.it.AnsweringCallRequests;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Boots {@link SipWsTestApplication} on a random port with one user, {@code alice}, password {@code secret} (only
 * its HA1 is configured); each test ends with no connection, binding or call leg left on {@code /ws/sip}.
 */
@SpringBootTest(classes = SipWsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SipWsITSupport {

    static final String OFFER = "v=0\r\no=alice 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 0\r\n";

    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        registry.add("liaison.sip.ws.realm", () -> SipWsTestClient.REALM);
        registry.add("liaison.sip.ws.users[0].username", () -> "alice");
        registry.add(
                "liaison.sip.ws.users[0].ha1", () -> DigestAuthenticator.ha1("alice", SipWsTestClient.REALM, "secret"));
        registry.add("liaison.sip.ws.max-message-bytes", () -> "4096");
    }

    @LocalServerPort
    int port;

    @Autowired
    SipWsHandler handler;

    @Autowired
    AnsweringCallRequests calls;

    @AfterEach
    void nothingLeaked() {
        await("no /ws/sip connection, binding or leg left")
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> {
                    assertThat(handler.connectionCount()).as("connections").isZero();
                    assertThat(handler.bindingCount()).as("bindings").isZero();
                    assertThat(handler.legCount()).as("legs").isZero();
                });
        calls.clear();
    }
}
