package dev.liaison.gateway.client.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a client sends, the codec either yields a message or a typed protocol error: never anything else. */
class ArbitraryFramesTest {

    private final ProtocolCodec codec = new ProtocolCodec(new ProtocolSchemas());

    @Property(tries = 300)
    void arbitraryTextIsAMessageOrATypedError(@ForAll String frame) {
        assertDecodesOrRefuses(frame);
    }

    @Property(tries = 300)
    void arbitraryFieldsOnEveryTypeAreAMessageOrATypedError(
            @ForAll("types") String type, @ForAll("fields") Map<String, Object> fields) {
        StringBuilder frame =
                new StringBuilder("{\"v\":1,\"type\":\"").append(type).append('"');
        fields.forEach((name, value) -> frame.append(",\"")
                .append(name)
                .append("\":")
                .append(
                        value instanceof String text
                                ? "\"" + text.replace("\\", "").replace("\"", "") + "\""
                                : value));
        assertDecodesOrRefuses(frame.append('}').toString());
    }

    @Provide
    Arbitrary<String> types() {
        return Arbitraries.of(ProtocolSchemas.typeNames(ClientMessage.class).keySet());
    }

    @Provide
    Arbitrary<Map<String, Object>> fields() {
        Arbitrary<String> names = Arbitraries.of(
                "id",
                "token",
                "callId",
                "sdp",
                "destination",
                "media",
                "text",
                "digits",
                "durationMs",
                "audioMuted",
                "videoMuted",
                "reason",
                "rttMs",
                "jitterMs",
                "lossPercent",
                "bitrateKbps",
                "correlationId",
                "resumeToken",
                "entries");
        Arbitrary<Object> values = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.of(
                                true,
                                false,
                                1.5e300,
                                new Raw("null"),
                                new Raw("{}"),
                                new Raw("[]"),
                                new Raw("{\"a\":\"b\"}"))
                        .map(o -> (Object) o));
        return Arbitraries.maps(names, values).ofMaxSize(6);
    }

    /** A JSON literal written as is. */
    private record Raw(String json) {
        @Override
        public String toString() {
            return json;
        }
    }

    private void assertDecodesOrRefuses(String frame) {
        try {
            assertThat(codec.decode(frame)).isNotNull();
        } catch (ClientProtocolException refused) {
            assertThat(refused.code()).isNotEqualTo(ClientErrorCode.INTERNAL);
        }
    }
}
