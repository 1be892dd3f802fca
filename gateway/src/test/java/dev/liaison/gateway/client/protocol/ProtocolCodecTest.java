package dev.liaison.gateway.client.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProtocolCodecTest {

    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\n";
    private final ProtocolSchemas schemas = new ProtocolSchemas();
    private final ProtocolCodec codec = new ProtocolCodec(schemas);

    static Stream<ClientMessage> everyClientMessage() {
        return Stream.of(
                new ClientMessage.Authenticate("eyJhbGciOiJIUzI1NiJ9.e30.signature"),
                new ClientMessage.StartSession(Optional.of("corr-1"), Optional.empty()),
                new ClientMessage.StartSession(Optional.empty(), Optional.of("AAAAAAAAAAAAAAAAAAAAAA")),
                new ClientMessage.EndSession(),
                new ClientMessage.Call("support", "video-one-way", Optional.of(SDP)),
                new ClientMessage.Call("support", "audio", Optional.empty()),
                new ClientMessage.Answer("c-1", SDP),
                new ClientMessage.Reject("c-1", Optional.of("busy")),
                new ClientMessage.Hangup("c-1"),
                new ClientMessage.Hold("c-1", SDP),
                new ClientMessage.Resume("c-1", SDP),
                new ClientMessage.Mute("c-1", true, false),
                new ClientMessage.Dtmf("c-1", "12#", Optional.of(120)),
                new ClientMessage.Chat("hello", Optional.of("c-1")),
                new ClientMessage.ContextUpdate(Map.of("page", "/pricing", "device", "mobile")),
                new ClientMessage.QualityReport("c-1", 80.5, 12, 0.5, Optional.of(512.0)),
                new ClientMessage.MediaOffer("c-1", SDP),
                new ClientMessage.MediaAnswer("c-1", SDP),
                new ClientMessage.Ping());
    }

    static Stream<ServerMessage> everyServerMessage() {
        ServerMessage.CallSnapshot snapshot = new ServerMessage.CallSnapshot(
                "c-1", "outgoing", "answered", "audio", "support", false, true, false, Optional.of(SDP));
        return Stream.of(
                new ServerMessage.Authenticated("visitor-1", "acme", Instant.parse("2026-01-01T10:00:00Z")),
                new ServerMessage.Session("s-1", "corr-1", true, "resume-token", 30000, List.of(snapshot)),
                new ServerMessage.SessionEnded("ended-by-client"),
                new ServerMessage.Calling("c-1", "support"),
                new ServerMessage.IncomingCall("c-1", "agent-7", "video", Optional.of(SDP)),
                new ServerMessage.Ringing("c-1", Optional.empty()),
                new ServerMessage.Answered("c-1", SDP),
                new ServerMessage.Ended("c-1", "detach-timeout", "Client did not reconnect"),
                new ServerMessage.MediaOffer("c-1", SDP),
                new ServerMessage.MediaAnswer("c-1", SDP),
                new ServerMessage.PeerMute("c-1", false, true),
                new ServerMessage.Dtmf("c-1", "5", 100),
                new ServerMessage.Quality(
                        "c-1",
                        ServerMessage.Quality.BROKER,
                        List.of(
                                new ServerMessage.LegQuality("self", "client", 250, 40_000, 249, 39_840, 2, 3.5, 41),
                                new ServerMessage.LegQuality("peer", "sip", 250, 40_000, 250, 40_000, -1, -1, -1))),
                new ServerMessage.Chat("agent-7", "How can I help?", Optional.empty()),
                new ServerMessage.Event(
                        "queue-position", JsonNodeFactory.instance.objectNode().put("position", 3)),
                new ServerMessage.Error("invalid-message", "bad", Optional.of("/callId")),
                new ServerMessage.Pong());
    }

    @ParameterizedTest
    @MethodSource("everyClientMessage")
    void everyClientMessageRoundTripsThroughItsSchema(ClientMessage message) {
        String frame = codec.encodeClientMessage(message, Optional.of("req-1"));

        ObjectNode tree = codec.parse(frame);
        assertThat(ProtocolCodec.requestId(tree)).contains("req-1");
        assertThat(codec.decode(tree)).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("everyServerMessage")
    void everyServerMessageMatchesItsPublishedSchema(ServerMessage message) {
        ObjectNode tree = codec.toTree(message, Optional.of("req-1"));

        schemas.validateServerMessage(ProtocolCodec.typeOf(message), tree);
        assertThat(tree.get("v").asInt()).isEqualTo(1);
        assertThat(tree.get("id").asText()).isEqualTo("req-1");
    }

    @Test
    void everyMessageTypeIsCovered() {
        assertThat(everyClientMessage().map(ProtocolCodec::typeOf).distinct())
                .containsExactlyInAnyOrderElementsOf(
                        ProtocolSchemas.typeNames(ClientMessage.class).keySet());
        assertThat(everyServerMessage().map(ProtocolCodec::typeOf).distinct())
                .containsExactlyInAnyOrderElementsOf(
                        ProtocolSchemas.typeNames(ServerMessage.class).keySet());
    }

    @Test
    void malformedJsonIsBadJson() {
        assertError(() -> codec.decode("{\"v\":1,"), ClientErrorCode.BAD_JSON);
        assertError(() -> codec.decode("[1,2]"), ClientErrorCode.BAD_JSON);
        assertError(() -> codec.decode("\"text\""), ClientErrorCode.BAD_JSON);
    }

    @Test
    void missingOrWrongVersionIsUnsupportedVersion() {
        assertError(() -> codec.decode("{\"type\":\"ping\"}"), ClientErrorCode.UNSUPPORTED_VERSION);
        assertError(() -> codec.decode("{\"v\":2,\"type\":\"ping\"}"), ClientErrorCode.UNSUPPORTED_VERSION);
        assertError(() -> codec.decode("{\"v\":\"1\",\"type\":\"ping\"}"), ClientErrorCode.UNSUPPORTED_VERSION);
    }

    @Test
    void unknownTypeIsUnknownType() {
        assertError(() -> codec.decode("{\"v\":1,\"type\":\"teleport\"}"), ClientErrorCode.UNKNOWN_TYPE);
        // A server-only type is not something a client may send.
        assertError(() -> codec.decode("{\"v\":1,\"type\":\"answered\"}"), ClientErrorCode.UNKNOWN_TYPE);
    }

    @Test
    void schemaViolationsNameTheFailingPath() {
        assertInvalidAt("{\"v\":1,\"type\":\"call\",\"media\":\"audio\"}", "/destination");
        assertInvalidAt("{\"v\":1,\"type\":\"call\",\"destination\":\"support\",\"media\":\"hologram\"}", "/media");
        assertInvalidAt("{\"v\":1,\"type\":\"dtmf\",\"callId\":\"c-1\",\"digits\":\"12x\"}", "/digits");
        assertInvalidAt("{\"v\":1,\"type\":\"hangup\",\"callId\":\"c-1\",\"extra\":true}", "/extra");
        assertInvalidAt(
                "{\"v\":1,\"type\":\"mute\",\"callId\":\"c-1\",\"audioMuted\":\"yes\",\"videoMuted\":false}",
                "/audioMuted");
        assertInvalidAt("{\"v\":1,\"type\":\"context\",\"entries\":{\"page\":42}}", "/entries/page");
        assertInvalidAt("{\"type\":1,\"v\":1}", "/type");
    }

    @Test
    void aDestinationWithSipSyntaxIsRefusedBySchema() {
        assertInvalidAt(
                "{\"v\":1,\"type\":\"call\",\"destination\":\"sip:+1900@evil;transport=tcp\",\"media\":\"audio\"}",
                "/destination");
    }

    private void assertInvalidAt(String frame, String path) {
        assertThatThrownBy(() -> codec.decode(frame)).isInstanceOfSatisfying(ClientProtocolException.class, e -> {
            assertThat(e.code()).isEqualTo(ClientErrorCode.INVALID_MESSAGE);
            assertThat(e.path()).contains(path);
        });
    }

    private static void assertError(ThrowingCallable call, ClientErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ClientProtocolException.class, e -> assertThat(e.code())
                .isEqualTo(code));
    }
}
