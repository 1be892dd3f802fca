package dev.liaison.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IceLiteAnswerBuilderTest {

    private static final String FINGERPRINT = "sha-256 " + "AB:".repeat(31) + "AB";

    @Test
    void answerToChromiumIsIceLitePassiveBundledWithCommonCodecs() throws Exception {
        IceLiteAnswerBuilder builder = new IceLiteAnswerBuilder(
                "brok",
                "brokerpassword0123456789",
                FINGERPRINT,
                List.of(new IceLiteAnswerBuilder.Candidate("203.0.113.5", 16000)),
                List.of(new RtpMap(0, "PCMU", 8000, 1, ""), new RtpMap(96, "VP8", 90000, 1, "")));

        String text = SdpWriter.write(builder.answer(SdpResources.parse("chromium-offer.sdp"), 42));
        SessionDescription answer = SdpParser.parse(text);

        assertThat(answer.iceLite()).isTrue();
        assertThat(answer.bundle()).containsExactly("0", "1");
        MediaDescription audio = answer.media().get(0);
        assertThat(audio.protocol()).isEqualTo("UDP/TLS/RTP/SAVPF");
        assertThat(audio.setup()).contains("passive");
        assertThat(audio.iceUfrag()).contains("brok");
        assertThat(audio.fingerprint()).contains(FINGERPRINT);
        assertThat(audio.rtcpMux()).isTrue();
        assertThat(audio.candidates()).singleElement().asString().contains("203.0.113.5 16000 typ host");
        assertThat(audio.codecs()).extracting(RtpMap::encoding).containsExactly("PCMU");
        assertThat(answer.media().get(1).codecs()).extracting(RtpMap::encoding).containsExactly("VP8");
        assertThat(answer.media().get(1).attributes("rtcp-fb")).contains("96 nack pli");
    }

    @Test
    void sectionWithoutACommonCodecIsRejectedWithPortZero() throws Exception {
        IceLiteAnswerBuilder builder = new IceLiteAnswerBuilder(
                "brok",
                "brokerpassword0123456789",
                FINGERPRINT,
                List.of(new IceLiteAnswerBuilder.Candidate("127.0.0.1", 16000)),
                List.of(new RtpMap(0, "PCMU", 8000, 1, "")));

        SessionDescription answer = builder.answer(SdpResources.parse("chromium-offer.sdp"), 1);

        assertThat(answer.media().get(1).port()).isZero();
        assertThat(answer.bundle()).containsExactly("0");
    }
}
