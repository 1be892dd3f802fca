package dev.liaison.media.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.media.bridge.FakeLegs.FakeRtpLeg;
import dev.liaison.media.bridge.FakeLegs.FakeWebRtcLeg;
import dev.liaison.media.sdp.BridgePlan;
import dev.liaison.media.sdp.Direction;
import dev.liaison.media.sdp.MediaDescription;
import dev.liaison.media.sdp.RtpMap;
import dev.liaison.media.sdp.SessionDescription;
import dev.liaison.media.srtp.SrtpProfile;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each side sees only the broker: offers and answers rewritten per profile, codecs chosen per plan. */
class BrowserAndPhoneOfferAnswerTest {
    private final BridgeFixture f = new BridgeFixture();

    @AfterEach
    void nothingLeaks() {
        f.bridges.openIds().forEach(f.bridges::close);
        f.assertNoLeak();
    }

    @Test
    void browserOfferWithPcmuToAPhoneIsPassedThroughAsRtpAvpWithPcmu() {
        String id = f.bridges.open("call-1");

        String toPhone = f.bridges.offer(id, BridgeSide.A, LegProfile.WEBRTC, LegProfile.RTP, Sdps.browserOffer());

        FakeWebRtcLeg browserLeg = f.legs.webRtc(0);
        FakeRtpLeg phoneLeg = f.legs.rtp(1);
        assertThat(browserLeg.remote)
                .containsExactly("Br0w", "qP7hR2kLmN8vX4yZ1wT6sU0o", Sdps.BROWSER_FINGERPRINT, "actpass");
        SessionDescription offer = Sdps.parse(toPhone);
        assertThat(offer.connection()).contains("IN IP4 " + BridgeFixture.RTP_ADDRESS);
        assertThat(offer.iceLite()).isFalse();
        MediaDescription audio = offer.media().get(0);
        assertThat(audio.protocol()).isEqualTo("RTP/AVP");
        assertThat(audio.port()).isEqualTo(phoneLeg.port);
        assertThat(audio.attribute("rtcp")).contains(Integer.toString(phoneLeg.port + 1));
        assertThat(audio.codecs())
                .extracting(RtpMap::rtpmapValue)
                .containsExactly("0 PCMU/8000", "8 PCMA/8000", "126 telephone-event/8000");
        assertThat(audio.iceUfrag()).isEmpty();
        assertThat(audio.fingerprint()).isEmpty();
        assertThat(audio.cryptos()).isEmpty();
        assertThat(toPhone).doesNotContain("Br0w", "127.0.0.1", "opus", "extmap");
        MediaDescription video = offer.media().get(1);
        assertThat(video.port()).as("video is refused toward a phone").isZero();

        String toBrowser = f.bridges.answer(id, BridgeSide.B, LegProfile.RTP, Sdps.phonePcmu());

        assertThat(phoneLeg.remoteRtp).contains(new InetSocketAddress("192.0.2.20", 30000));
        assertThat(phoneLeg.remoteRtcp).isEmpty();
        assertThat(phoneLeg.remoteRtcpMux).isFalse();
        assertThat(phoneLeg.remoteCrypto).isEmpty();
        List<NegotiatedLine> lines = f.bridges.negotiated(id);
        assertThat(lines.get(0).transcode()).isFalse();
        assertThat(lines.get(0).planA().encoding()).isEqualTo("PCMU");
        assertThat(lines.get(1).accepted()).isFalse();

        SessionDescription answer = Sdps.parse(toBrowser);
        assertThat(answer.iceLite()).isTrue();
        assertThat(answer.bundle()).containsExactly("0");
        MediaDescription answered = answer.media().get(0);
        assertThat(answered.protocol()).isEqualTo("UDP/TLS/RTP/SAVPF");
        assertThat(answered.iceUfrag()).contains(browserLeg.localUfrag());
        assertThat(answered.icePwd()).contains(browserLeg.localPassword());
        assertThat(answered.fingerprint()).contains(FakeWebRtcLeg.FINGERPRINT);
        assertThat(answered.setup()).contains("passive");
        assertThat(answered.rtcpMux()).isTrue();
        assertThat(answered.mid()).contains("0");
        assertThat(answered.candidates()).singleElement().asString().contains("203.0.113.5 16000 typ host");
        assertThat(answered.codecs())
                .as("only the codecs the plan uses")
                .extracting(RtpMap::rtpmapValue)
                .containsExactly("0 PCMU/8000", "126 telephone-event/8000");
        assertThat(answer.media().get(1).port()).isZero();
        assertThat(answer.media().get(1).mid()).contains("1");
        assertThat(toBrowser).doesNotContain("192.0.2.20");
    }

    @Test
    void browserWithOpusOnlyIsTranscodedAndThePhoneIsOfferedPcmuAndPcma() {
        String id = f.bridges.open("call-2");
        String browser = Sdps.browserOffer(Sdps.OPUS_ONLY_FORMATS, Sdps.OPUS_ONLY_MAPS, false, "sendrecv");

        String toPhone = f.bridges.offer(id, BridgeSide.A, LegProfile.WEBRTC, LegProfile.RTP, browser);

        assertThat(Sdps.media(toPhone, 0).codecs())
                .extracting(RtpMap::rtpmapValue)
                .containsExactly("0 PCMU/8000", "8 PCMA/8000", "101 telephone-event/8000");

        String toBrowser = f.bridges.answer(
                id,
                BridgeSide.B,
                LegProfile.RTP,
                Sdps.phone("8 101", "a=rtpmap:8 PCMA/8000\na=rtpmap:101 telephone-event/8000\n", "sendrecv"));

        NegotiatedLine audio = f.bridges.negotiated(id).get(0);
        assertThat(audio.transcode()).isTrue();
        assertThat(new BridgePlan(BridgePlan.Outcome.TRANSCODE, audio.planA(), audio.planB()).transcodingNeeded())
                .isTrue();
        assertThat(audio.planA().encoding()).isEqualTo("opus");
        assertThat(audio.planB().encoding()).isEqualTo("PCMA");
        assertThat(f.legs.webRtc(0).clockRates)
                .as("the browser's leg counts jitter and SR timestamps at the negotiated rates")
                .containsEntry(111, 48_000)
                .containsEntry(110, 48_000);
        assertThat(f.legs.rtp(1).clockRates).containsEntry(8, 8000).containsEntry(101, 8000);
        assertThat(Sdps.media(toBrowser, 0).codecs())
                .extracting(RtpMap::rtpmapValue)
                .containsExactly("111 opus/48000/2", "110 telephone-event/48000");
        assertThat(Sdps.media(toBrowser, 0).codecs().get(0).fmtpParameter("useinbandfec"))
                .isEqualTo("1");
    }

    @Test
    void phoneOfferToABrowserIsOfferedAsWebRtcWithIceLiteActpassAndBundle() {
        String id = f.bridges.open("call-3");

        String toBrowser = f.bridges.offer(id, BridgeSide.A, LegProfile.RTP, LegProfile.WEBRTC, Sdps.phonePcmu());

        FakeRtpLeg phoneLeg = f.legs.rtp(0);
        FakeWebRtcLeg browserLeg = f.legs.webRtc(1);
        assertThat(phoneLeg.remoteRtp).contains(new InetSocketAddress("192.0.2.20", 30000));
        SessionDescription offer = Sdps.parse(toBrowser);
        assertThat(offer.iceLite()).isTrue();
        assertThat(offer.bundle()).containsExactly("0");
        MediaDescription audio = offer.media().get(0);
        assertThat(audio.protocol()).isEqualTo("UDP/TLS/RTP/SAVPF");
        assertThat(audio.setup()).contains("actpass");
        assertThat(audio.rtcpMux()).isTrue();
        assertThat(audio.iceUfrag()).contains(browserLeg.localUfrag());
        assertThat(audio.fingerprint()).contains(FakeWebRtcLeg.FINGERPRINT);
        assertThat(audio.candidates()).hasSize(1);
        assertThat(audio.ssrcs()).isNotEmpty();
        assertThat(audio.codecs())
                .as("PCMU passes through; Opus is offered as a transcoding target")
                .extracting(RtpMap::rtpmapValue)
                .containsExactly(
                        "0 PCMU/8000", "111 opus/48000/2", "101 telephone-event/8000", "110 telephone-event/48000");
        assertThat(toBrowser).doesNotContain("192.0.2.20");

        String toPhone = f.bridges.answer(
                id,
                BridgeSide.B,
                LegProfile.WEBRTC,
                Sdps.browserAnswer("0 101", "a=rtpmap:0 PCMU/8000\na=rtpmap:101 telephone-event/8000\n", null, null));

        assertThat(browserLeg.remote)
                .containsExactly("An5w", "zX9cV8bN7mL6kJ5hG4fD3sA2", Sdps.BROWSER_FINGERPRINT, "active");
        SessionDescription answer = Sdps.parse(toPhone);
        assertThat(answer.connection()).contains("IN IP4 " + BridgeFixture.RTP_ADDRESS);
        MediaDescription answered = answer.media().get(0);
        assertThat(answered.protocol()).isEqualTo("RTP/AVP");
        assertThat(answered.port()).isEqualTo(phoneLeg.port);
        assertThat(answered.codecs())
                .extracting(RtpMap::rtpmapValue)
                .containsExactly("0 PCMU/8000", "101 telephone-event/8000");
        assertThat(f.bridges.negotiated(id).get(0).transcode()).isFalse();
    }

    @Test
    void lateOfferFromTheCalledSideIsAnsweredTheSameWay() {
        String id = f.bridges.open("call-4");

        String toBrowser = f.bridges.offer(id, BridgeSide.B, LegProfile.RTP, LegProfile.WEBRTC, Sdps.phonePcmu());
        assertThat(Sdps.parse(toBrowser).iceLite()).isTrue();
        assertThat(f.bridges.negotiated(id)).isEmpty();

        String toPhone = f.bridges.answer(
                id, BridgeSide.A, LegProfile.WEBRTC, Sdps.browserAnswer("111 110", Sdps.OPUS_ONLY_MAPS, null, null));

        NegotiatedLine audio = f.bridges.negotiated(id).get(0);
        assertThat(audio.transcode()).isTrue();
        assertThat(audio.planA().encoding()).isEqualTo("opus");
        assertThat(audio.planB().encoding()).isEqualTo("PCMU");
        assertThat(audio.codecsB()).extracting(RtpMap::encoding).containsExactly("PCMU", "telephone-event");
        assertThat(Sdps.media(toPhone, 0).codecs())
                .extracting(RtpMap::rtpmapValue)
                .containsExactly("0 PCMU/8000", "101 telephone-event/8000");
        assertThat(f.legs.opened).hasSize(2);
    }

    @Test
    void holdAndResumeReOffersReuseTheLegsAndMirrorTheDirection() {
        String id = f.bridges.open("call-5");
        String first = f.bridges.offer(id, BridgeSide.A, LegProfile.WEBRTC, LegProfile.RTP, Sdps.browserOffer());
        f.bridges.answer(id, BridgeSide.B, LegProfile.RTP, Sdps.phonePcmu());

        String hold = f.bridges.offer(
                id,
                BridgeSide.A,
                LegProfile.WEBRTC,
                LegProfile.RTP,
                Sdps.browserOffer(Sdps.BROWSER_AUDIO_FORMATS, Sdps.BROWSER_AUDIO_MAPS, true, "sendonly"));

        assertThat(f.legs.opened).as("no new legs").hasSize(2);
        assertThat(f.legs.webRtc(0).remoteDescriptions).hasValue(2);
        MediaDescription held = Sdps.media(hold, 0);
        assertThat(held.direction()).isEqualTo(Direction.SENDONLY);
        assertThat(held.port()).isEqualTo(Sdps.media(first, 0).port());
        assertThat(version(hold)).isEqualTo(version(first) + 1);
        assertThat(sessionId(hold)).isEqualTo(sessionId(first));

        String heldAnswer = f.bridges.answer(
                id,
                BridgeSide.B,
                LegProfile.RTP,
                Sdps.phone("0 101", "a=rtpmap:0 PCMU/8000\na=rtpmap:101 telephone-event/8000\n", "recvonly"));
        assertThat(Sdps.media(heldAnswer, 0).direction()).isEqualTo(Direction.RECVONLY);
        assertThat(f.bridges.negotiated(id).get(0).flows(BridgeSide.A)).isTrue();
        assertThat(f.bridges.negotiated(id).get(0).flows(BridgeSide.B)).isFalse();

        String resume = f.bridges.offer(id, BridgeSide.A, LegProfile.WEBRTC, LegProfile.RTP, Sdps.browserOffer());
        assertThat(Sdps.media(resume, 0).direction()).isEqualTo(Direction.SENDRECV);
        String resumed = f.bridges.answer(id, BridgeSide.B, LegProfile.RTP, Sdps.phonePcmu());
        assertThat(Sdps.media(resumed, 0).direction()).isEqualTo(Direction.SENDRECV);
        assertThat(f.bridges.negotiated(id).get(0).flows(BridgeSide.B)).isTrue();
        assertThat(f.legs.opened).hasSize(2);
    }

    @Test
    void aPhoneHoldingWithTheZeroAddressIsToldToTheBrowserAsSendonly() {
        String id = f.bridges.open("call-6");
        f.bridges.offer(id, BridgeSide.A, LegProfile.RTP, LegProfile.WEBRTC, Sdps.phonePcmu());
        f.bridges.answer(
                id,
                BridgeSide.B,
                LegProfile.WEBRTC,
                Sdps.browserAnswer("0 101", "a=rtpmap:0 PCMU/8000\na=rtpmap:101 telephone-event/8000\n", null, null));

        String hold = f.bridges.offer(
                id,
                BridgeSide.A,
                LegProfile.RTP,
                LegProfile.WEBRTC,
                Sdps.phonePcmu().replace("c=IN IP4 192.0.2.20", "c=IN IP4 0.0.0.0"));

        assertThat(f.legs.rtp(0).remoteRtp).isEmpty();
        assertThat(Sdps.media(hold, 0).direction()).isEqualTo(Direction.SENDONLY);
    }

    @Test
    void sdesOffersToPhonesAreRtpSavpWithTheLegsCrypto() {
        BridgeSettings settings = BridgeFixture.settings();
        BridgeFixture sdes = new BridgeFixture(new BridgeSettings(
                settings.webRtcCandidates(),
                settings.rtpAddress(),
                settings.webRtcCodecs(),
                settings.rtpCodecs(),
                Optional.of(SrtpProfile.AES128_CM_HMAC_SHA1_80),
                settings.inactivityTimeout(),
                settings.maxBridges()));
        String id = sdes.bridges.open("call-7");

        String toPhone = sdes.bridges.offer(id, BridgeSide.A, LegProfile.WEBRTC, LegProfile.RTP, Sdps.browserOffer());

        assertThat(sdes.legs.rtpOpenedWith).containsExactly(Optional.of(SrtpProfile.AES128_CM_HMAC_SHA1_80));
        MediaDescription audio = Sdps.media(toPhone, 0);
        assertThat(audio.protocol()).isEqualTo("RTP/SAVP");
        assertThat(audio.cryptos())
                .containsExactly(sdes.legs.rtp(1).localCrypto().orElseThrow());

        String phoneAnswer = Sdps.phone(
                        "0",
                        "a=rtpmap:0 PCMU/8000\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:"
                                + "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz\n",
                        "sendrecv")
                .replace("RTP/AVP", "RTP/SAVP");
        sdes.bridges.answer(id, BridgeSide.B, LegProfile.RTP, phoneAnswer);

        assertThat(sdes.legs.rtp(1).remoteCrypto)
                .hasValueSatisfying(c -> assertThat(c).startsWith("1 AES_CM_128_HMAC_SHA1_80 inline:WVNf"));
        sdes.bridges.close(id);
        sdes.assertNoLeak();
    }

    @Test
    void aPhoneOfferingSdesIsAnsweredWithSdesUnderItsTag() {
        String id = f.bridges.open("call-8");
        String offer = Sdps.phone(
                        "0",
                        "a=rtpmap:0 PCMU/8000\na=crypto:3 AES_CM_128_HMAC_SHA1_80 inline:"
                                + "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz|2^20|1:4\n",
                        "sendrecv")
                .replace("RTP/AVP", "RTP/SAVP");

        f.bridges.offer(id, BridgeSide.A, LegProfile.RTP, LegProfile.WEBRTC, offer);
        String toPhone = f.bridges.answer(
                id, BridgeSide.B, LegProfile.WEBRTC, Sdps.browserAnswer("0", "a=rtpmap:0 PCMU/8000\n", null, null));

        assertThat(f.legs.rtpOpenedWith).containsExactly(Optional.of(SrtpProfile.AES128_CM_HMAC_SHA1_80));
        MediaDescription audio = Sdps.media(toPhone, 0);
        assertThat(audio.protocol()).isEqualTo("RTP/SAVP");
        assertThat(audio.cryptos()).singleElement().asString().startsWith("3 AES_CM_128_HMAC_SHA1_80 inline:");
    }

    @Test
    void browserVideoPassesThroughToAnotherBrowser() {
        String id = f.bridges.open("call-9");

        String toB = f.bridges.offer(id, BridgeSide.A, LegProfile.WEBRTC, LegProfile.WEBRTC, Sdps.browserOffer());

        MediaDescription video = Sdps.media(toB, 1);
        assertThat(video.port()).isNotZero();
        assertThat(video.codecs()).extracting(RtpMap::encoding).containsExactly("VP8", "H264");
        assertThat(video.attributes("rtcp-fb"))
                .contains("96 nack pli", "96 ccm fir")
                .doesNotContain("96 goog-remb");
        assertThat(Sdps.parse(toB).bundle()).containsExactly("0", "1");

        String toA = f.bridges.answer(
                id,
                BridgeSide.B,
                LegProfile.WEBRTC,
                Sdps.browserAnswer("111", "a=rtpmap:111 opus/48000/2\n", "96", "a=rtpmap:96 VP8/90000\n"));

        assertThat(Sdps.parse(toA).bundle()).containsExactly("0", "1");
        assertThat(Sdps.media(toA, 1).codecs()).extracting(RtpMap::rtpmapValue).containsExactly("96 VP8/90000");
        assertThat(f.bridges.negotiated(id))
                .extracting(NegotiatedLine::transcode)
                .containsExactly(false, false);
    }

    @Test
    void aPhoneReOfferKeepsTheBrowsersMidsAndEverySectionItHad() {
        String id = f.bridges.open("call-10");
        String browser = Sdps.browserOffer()
                .replace("a=group:BUNDLE 0 1", "a=group:BUNDLE first second")
                .replace("a=mid:0", "a=mid:first")
                .replace("a=mid:1", "a=mid:second");
        f.bridges.offer(id, BridgeSide.A, LegProfile.WEBRTC, LegProfile.RTP, browser);
        String answer = f.bridges.answer(id, BridgeSide.B, LegProfile.RTP, Sdps.phonePcmu());
        assertThat(Sdps.parse(answer).bundle()).containsExactly("first");

        // the phone puts the call on hold and leaves out the video section it was given with port 0
        String toBrowser = f.bridges.offer(
                id,
                BridgeSide.B,
                LegProfile.RTP,
                LegProfile.WEBRTC,
                Sdps.phone("0 101", "a=rtpmap:0 PCMU/8000\na=rtpmap:101 telephone-event/8000\n", "sendonly"));

        SessionDescription offer = Sdps.parse(toBrowser);
        assertThat(offer.media()).hasSize(2);
        assertThat(offer.media().get(0).mid()).contains("first");
        assertThat(offer.media().get(0).direction()).isEqualTo(Direction.SENDONLY);
        assertThat(offer.media().get(1).mid()).contains("second");
        assertThat(offer.media().get(1).port()).isZero();
        assertThat(offer.media().get(1).media()).isEqualTo("video");
        assertThat(offer.bundle()).containsExactly("first");

        String toPhone = f.bridges.answer(
                id,
                BridgeSide.A,
                LegProfile.WEBRTC,
                Sdps.browserAnswer("0 126", "a=rtpmap:0 PCMU/8000\na=rtpmap:126 telephone-event/8000\n", "96", "")
                        .replace("a=sendrecv", "a=recvonly")
                        .replace("m=video 9", "m=video 0"));
        assertThat(Sdps.parse(toPhone).media())
                .as("the answer has the sections of the phone's offer")
                .hasSize(1);
        assertThat(Sdps.media(toPhone, 0).direction()).isEqualTo(Direction.RECVONLY);
        assertThat(f.legs.opened).hasSize(2);
    }

    private static long version(String sdp) {
        return Long.parseLong(Sdps.parse(sdp).line('o').orElseThrow().split(" ")[2]);
    }

    private static String sessionId(String sdp) {
        return Sdps.parse(sdp).line('o').orElseThrow().split(" ")[1];
    }
}
