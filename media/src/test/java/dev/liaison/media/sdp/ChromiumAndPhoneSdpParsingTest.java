package dev.liaison.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Real-shaped offers (a Chromium WebRTC offer, a SIPp offer, a phone's G.729 SDES offer) parse and write back. */
class ChromiumAndPhoneSdpParsingTest {

    @Test
    void chromiumOfferExposesTheWebRtcAttributes() {
        SessionDescription offer = SdpResources.parse("chromium-offer.sdp");

        assertThat(offer.bundle()).containsExactly("0", "1");
        assertThat(offer.media()).hasSize(2);
        MediaDescription audio = offer.media().get(0);
        assertThat(audio.protocol()).isEqualTo("UDP/TLS/RTP/SAVPF");
        assertThat(audio.iceUfrag()).contains("Ab3d");
        assertThat(audio.icePwd()).contains("qP7hR2kLmN8vX4yZ1wT6sU0o");
        assertThat(audio.attribute("ice-options")).contains("trickle");
        assertThat(audio.fingerprint()).hasValueSatisfying(f -> assertThat(f).startsWith("sha-256 7B:8B"));
        assertThat(audio.setup()).contains("actpass");
        assertThat(audio.mid()).contains("0");
        assertThat(audio.rtcpMux()).isTrue();
        assertThat(audio.direction()).isEqualTo(Direction.SENDRECV);
        assertThat(audio.candidates()).singleElement().asString().contains("127.0.0.1 46243 typ host");
        assertThat(audio.extmaps()).hasSize(2);
        assertThat(audio.ssrcs()).hasSize(2);
        assertThat(audio.codecs())
                .extracting(RtpMap::encoding)
                .containsExactly("opus", "red", "G722", "PCMU", "PCMA", "CN", "telephone-event", "telephone-event");
        assertThat(audio.codecs().get(0).fmtpParameter("useinbandfec")).isEqualTo("1");

        MediaDescription video = offer.media().get(1);
        assertThat(video.hasAttribute("rtcp-rsize")).isTrue();
        assertThat(video.codecs())
                .filteredOn(c -> c.encoding().equals("H264"))
                .extracting(c -> c.fmtpParameter("profile-level-id"))
                .containsExactly("42001f", "42e01f");
    }

    @Test
    void sippOfferUsesTheStaticPcmuType() {
        SessionDescription offer = SdpResources.parse("sipp-offer.sdp");

        assertThat(offer.connection()).contains("IN IP4 127.0.0.1");
        MediaDescription audio = offer.media().get(0);
        assertThat(audio.protocol()).isEqualTo("RTP/AVP");
        assertThat(audio.port()).isEqualTo(6000);
        assertThat(audio.codecs()).containsExactly(new RtpMap(0, "PCMU", 8000, 1, ""));
    }

    @Test
    void staticPayloadTypeWithoutRtpmapIsStillPcmu() throws Exception {
        SessionDescription offer = SdpParser.parse(
                "v=0\no=- 1 1 IN IP4 10.0.0.1\ns=-\nc=IN IP4 10.0.0.1\nt=0 0\nm=audio 4000 RTP/AVP 0 8\n");

        assertThat(offer.media().get(0).codecs()).extracting(RtpMap::encoding).containsExactly("PCMU", "PCMA");
    }

    @Test
    void phoneOfferKeepsSdesCryptoAndUnknownLines() {
        SessionDescription offer = SdpResources.parse("phone-g729-offer.sdp");

        MediaDescription audio = offer.media().get(0);
        assertThat(audio.cryptos()).singleElement().asString().startsWith("1 AES_CM_128_HMAC_SHA1_80 inline:");
        assertThat(audio.lines()).contains(new SdpLine('x', "vendor-extension kept as is"));
        assertThat(audio.attribute("ptime")).contains("20");
    }

    @Test
    void writerReproducesWhatWasParsed() throws Exception {
        for (String name : List.of("chromium-offer.sdp", "sipp-offer.sdp", "phone-g729-offer.sdp")) {
            String text = SdpResources.read(name);
            assertThat(SdpWriter.write(SdpParser.parse(text))).as(name).isEqualTo(text);
        }
    }

    @Test
    void editingASectionRewritesItsCodecsAndDirection() throws Exception {
        SessionDescription offer = SdpResources.parse("chromium-offer.sdp");
        MediaDescription audio = offer.media().get(0);
        RtpMap pcmu = audio.codecs().get(3);

        audio.setCodecs(List.of(pcmu));
        audio.setDirection(Direction.RECVONLY);

        MediaDescription reparsed =
                SdpParser.parse(SdpWriter.write(offer)).media().get(0);
        assertThat(reparsed.formats()).containsExactly("0");
        assertThat(reparsed.codecs()).containsExactly(pcmu);
        assertThat(reparsed.direction()).isEqualTo(Direction.RECVONLY);
        assertThat(reparsed.attributes("rtcp-fb")).isEmpty();
    }
}
