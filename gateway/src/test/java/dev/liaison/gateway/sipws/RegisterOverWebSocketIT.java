package dev.liaison.gateway.sipws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** REGISTER over {@code /ws/sip}: digest challenge, bindings tied to the connection, refusals and malformed input. */
class RegisterOverWebSocketIT extends SipWsITSupport {

    @Test
    void registerIsChallengedThenAcceptedAndTheBindingEndsWithTheConnection() {
        try (SipWsTestClient client = SipWsTestClient.connect(port)) {
            assertThat(client.subprotocol()).isEqualTo("sip");
            client.send(client.register("alice", 600, null));
            String challenge = client.response(401);
            String www = SipWsTestClient.header(challenge, "WWW-Authenticate");
            assertThat(www)
                    .startsWith("Digest")
                    .contains("realm=\"test.invalid\"")
                    .contains("qop=\"auth\"");
            assertThat(SipWsTestClient.header(challenge, "Via"))
                    .contains("received=127.0.0.1")
                    .containsPattern("rport=\\d+");

            client.send(client.register(
                    "alice",
                    600,
                    SipWsTestClient.authorization(
                            "Authorization",
                            challenge,
                            "WWW-Authenticate",
                            "alice",
                            "secret",
                            "REGISTER",
                            "sip:test.invalid")));
            String ok = client.response(200);
            assertThat(SipWsTestClient.header(ok, "Contact"))
                    .contains(client.contact)
                    .contains("expires=600");
            assertThat(handler.bindingCount()).isEqualTo(1);
        }
        await().untilAsserted(() -> assertThat(handler.bindingCount()).isZero());
    }

    @Test
    void unregisterRemovesTheBinding() {
        try (SipWsTestClient client = SipWsTestClient.connect(port)) {
            assertThat(client.registerWith("alice", "secret", 600)).startsWith("SIP/2.0 200");
            assertThat(handler.bindingCount()).isEqualTo(1);
            assertThat(client.registerWith("alice", "secret", 0))
                    .startsWith("SIP/2.0 200")
                    .doesNotContain("Contact:");
            assertThat(handler.bindingCount()).isZero();
        }
    }

    @Test
    void wrongPasswordIsForbidden() {
        try (SipWsTestClient client = SipWsTestClient.connect(port)) {
            assertThat(client.registerWith("alice", "not-the-password", 600)).startsWith("SIP/2.0 403");
            assertThat(client.registerWith("mallory", "secret", 600)).startsWith("SIP/2.0 403");
            assertThat(handler.bindingCount()).isZero();
        }
    }

    @Test
    void tooShortRegistrationGets423WithMinExpires() {
        try (SipWsTestClient client = SipWsTestClient.connect(port)) {
            String reply = client.registerWith("alice", "secret", 5);
            assertThat(reply).startsWith("SIP/2.0 423");
            assertThat(SipWsTestClient.header(reply, "Min-Expires")).isEqualTo("60");
        }
    }

    @Test
    void handshakeWithoutTheSipSubprotocolIsRefused() {
        assertThatThrownBy(() -> SipWsTestClient.connectWithoutSubprotocol(port).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThat(handler.connectionCount()).isZero();
    }

    @Test
    void malformedRequestGets400WithTheReasonAndGarbageIsDropped() {
        try (SipWsTestClient client = SipWsTestClient.connect(port)) {
            client.send("this is not SIP\r\n\r\n");
            String bad = client.register("alice", 600, null).replace("Max-Forwards: 70", "Max-Forwards: seventy");
            client.send(bad);
            String reply = client.next();
            assertThat(reply).startsWith("SIP/2.0 400 Bad header");
            assertThat(reply).contains("Max-Forwards");

            client.send(options(client));
            assertThat(client.next()).startsWith("SIP/2.0 200").contains("Allow:");
        }
    }

    @Test
    void unknownMethodGets501AndUnsupportedOneGets405() {
        try (SipWsTestClient client = SipWsTestClient.connect(port)) {
            client.send(options(client).replace("OPTIONS", "FROBNICATE"));
            assertThat(client.next()).startsWith("SIP/2.0 501");
            client.send(options(client).replace("OPTIONS", "SUBSCRIBE"));
            assertThat(client.next()).startsWith("SIP/2.0 405").contains("Allow: REGISTER, INVITE");
        }
    }

    @Test
    void oversizeMessageClosesTheConnection() {
        try (SipWsTestClient client = SipWsTestClient.connect(port)) {
            client.send(client.register("alice", 600, "X-Padding: " + "a".repeat(5000)));
            assertThat(client.closed.join()).isEqualTo(1009);
        }
    }

    private static String options(SipWsTestClient client) {
        return "OPTIONS sip:test.invalid SIP/2.0\r\n"
                + "Via: SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bKopt" + System.nanoTime() + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "To: <sip:test.invalid>\r\n"
                + "From: <sip:alice@test.invalid>;tag=" + client.fromTag + "\r\n"
                + "Call-ID: opt-" + System.nanoTime() + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
    }
}
