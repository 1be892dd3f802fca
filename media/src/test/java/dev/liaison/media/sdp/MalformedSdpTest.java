package dev.liaison.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.media.sdp.SdpParseException.Reason;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class MalformedSdpTest {

    @Test
    void refusalsNameTheReason() {
        assertReason("", Reason.MISSING_LINE);
        assertReason("o=- 1 1 IN IP4 1.2.3.4\n", Reason.MISSING_LINE);
        assertReason("v=0\ns=-\n", Reason.MISSING_LINE);
        assertReason("v=0\no=- 1 1 IN IP4 1.2.3.4\nthis is not sdp\n", Reason.MALFORMED_LINE);
        assertReason("v=0\no=- 1 1 IN IP4 1.2.3.4\nm=audio\n", Reason.BAD_MEDIA_LINE);
        assertReason("v=0\no=- 1 1 IN IP4 1.2.3.4\nm=audio 99999 RTP/AVP 0\n", Reason.BAD_MEDIA_LINE);
        assertReason("v=0\no=- 1 1 IN IP4 1.2.3.4\nm=audio x RTP/AVP 0\n", Reason.BAD_MEDIA_LINE);
        assertReason("v=0\n" + "a=x\n".repeat(SdpParser.MAX_LINES), Reason.TOO_MANY_LINES);
        assertReason("v=0\na=" + "x".repeat(SdpParser.MAX_CHARS), Reason.TOO_LARGE);
    }

    @Test
    void unparseableRtpmapsAreSkippedNotFatal() throws Exception {
        SessionDescription sdp = SdpParser.parse(
                "v=0\no=- 1 1 IN IP4 1.2.3.4\nm=audio 1 RTP/AVP 96 97 abc 300\na=rtpmap:96 opus/x\na=rtpmap:97 L16/8000\n");

        assertThat(sdp.media().get(0).codecs()).extracting(RtpMap::payloadType).containsExactly(97);
    }

    @Property(tries = 1000)
    void arbitraryTextParsesOrFailsWithATypedError(@ForAll("sdpish") String text) {
        try {
            SessionDescription sdp = SdpParser.parse(text);
            sdp.media().forEach(m -> {
                m.codecs();
                m.direction();
            });
            sdp.bundle();
            SdpWriter.write(sdp);
        } catch (SdpParseException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }

    @Provide
    Arbitrary<String> sdpish() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.of(
                        "v=0",
                        "o=- 1 1 IN IP4 1.2.3.4",
                        "m=audio 9 RTP/AVP 0 96",
                        "m=video 9 UDP/TLS/RTP/SAVPF 96",
                        "a=rtpmap:96 VP8/90000",
                        "a=rtpmap:96",
                        "a=fmtp:96 profile-level-id",
                        "a=group:BUNDLE",
                        "a=sendonly",
                        "c=IN IP4"),
                Arbitraries.strings().ofMaxLength(30));
        return line.list().ofMaxSize(30).map(l -> String.join("\r\n", l));
    }

    private static void assertReason(String sdp, Reason reason) {
        assertThatThrownBy(() -> SdpParser.parse(sdp))
                .isInstanceOfSatisfying(
                        SdpParseException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
