package dev.liaison.media.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.media.bridge.MediaRefusedException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the broker cannot use is refused with a typed reason, and refusing leaks no leg. */
class RefusedSdpTest {
    private final BridgeFixture f = new BridgeFixture();

    @AfterEach
    void nothingLeaks() {
        f.bridges.openIds().forEach(f.bridges::close);
        f.assertNoLeak();
    }

    @Test
    void garbageIsMalformed() {
        String id = f.bridges.open("call");
        for (String bad : new String[] {null, "", "hello", "v=0\r\nm=audio x RTP/AVP 0\r\n", "x".repeat(70_000)}) {
            assertRefused(
                    () -> f.bridges.offer(id, BridgeSide.A, LegProfile.RTP, LegProfile.WEBRTC, bad),
                    Reason.MALFORMED_SDP);
        }
        assertThat(f.legs.opened).isEmpty();
    }

    @Test
    void aWebRtcOfferWithoutFingerprintIsMalformed() {
        String id = f.bridges.open("call");
        String offer = Sdps.browserOffer().replaceAll("a=fingerprint:[^\\n]*\\n", "");

        assertRefused(
                () -> f.bridges.offer(id, BridgeSide.A, LegProfile.WEBRTC, LegProfile.RTP, offer),
                Reason.MALFORMED_SDP);
        assertThat(f.legs.opened).isEmpty();
    }

    @Test
    void aHostNameInsteadOfAnAddressIsMalformedAndNeverLookedUp() {
        String id = f.bridges.open("call");
        String offer = Sdps.phonePcmu().replace("c=IN IP4 192.0.2.20", "c=IN IP4 phone.example.invalid");

        assertRefused(
                () -> f.bridges.offer(id, BridgeSide.A, LegProfile.RTP, LegProfile.WEBRTC, offer),
                Reason.MALFORMED_SDP);
    }

    @Test
    void aPhoneWithOnlyG729HasNoCommonCodec() throws IOException {
        String id = f.bridges.open("call");
        String g729;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("sdp/phone-g729-offer.sdp")) {
            g729 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertRefused(
                () -> f.bridges.offer(id, BridgeSide.A, LegProfile.RTP, LegProfile.WEBRTC, g729),
                Reason.NO_COMMON_CODEC);
        assertRefused(
                () -> f.bridges.offer(id, BridgeSide.A, LegProfile.RTP, LegProfile.RTP, g729), Reason.NO_COMMON_CODEC);
        assertThat(f.legs.opened).isEmpty();
    }

    @Test
    void anAnswerWithoutAnyCodecOfTheOfferHasNoCommonCodec() {
        String id = f.bridges.open("call");
        f.bridges.offer(id, BridgeSide.A, LegProfile.WEBRTC, LegProfile.RTP, Sdps.browserOffer());

        assertRefused(
                () -> f.bridges.answer(
                        id, BridgeSide.B, LegProfile.RTP, Sdps.phone("18", "a=rtpmap:18 G729/8000\n", "sendrecv")),
                Reason.NO_COMMON_CODEC);
    }

    @Test
    void anAnswerWithNothingPendingOrFromTheOffererIsUnexpected() {
        String id = f.bridges.open("call");
        assertRefused(
                () -> f.bridges.answer(id, BridgeSide.B, LegProfile.RTP, Sdps.phonePcmu()), Reason.UNEXPECTED_ANSWER);

        f.bridges.offer(id, BridgeSide.A, LegProfile.WEBRTC, LegProfile.RTP, Sdps.browserOffer());
        assertRefused(
                () -> f.bridges.answer(id, BridgeSide.A, LegProfile.WEBRTC, Sdps.browserOffer()),
                Reason.UNEXPECTED_ANSWER);

        f.bridges.answer(id, BridgeSide.B, LegProfile.RTP, Sdps.phonePcmu());
        assertRefused(
                () -> f.bridges.answer(id, BridgeSide.B, LegProfile.RTP, Sdps.phonePcmu()), Reason.UNEXPECTED_ANSWER);
    }

    @Test
    void anOfferFromTheOtherSideWhileOneIsPendingIsGlare() {
        String id = f.bridges.open("call");
        f.bridges.offer(id, BridgeSide.A, LegProfile.WEBRTC, LegProfile.RTP, Sdps.browserOffer());

        assertRefused(
                () -> f.bridges.offer(id, BridgeSide.B, LegProfile.RTP, LegProfile.WEBRTC, Sdps.phonePcmu()),
                Reason.OFFER_PENDING);
    }

    @Test
    void aSideCannotChangeItsProfile() {
        String id = f.bridges.open("call");
        f.bridges.offer(id, BridgeSide.A, LegProfile.WEBRTC, LegProfile.RTP, Sdps.browserOffer());

        assertRefused(
                () -> f.bridges.answer(id, BridgeSide.B, LegProfile.WEBRTC, Sdps.phonePcmu()), Reason.MALFORMED_SDP);
    }

    @Test
    void unknownAndClosedBridgesAreRefused() {
        assertRefused(
                () -> f.bridges.offer("nope", BridgeSide.A, LegProfile.RTP, LegProfile.RTP, Sdps.phonePcmu()),
                Reason.UNKNOWN_BRIDGE);
        String id = f.bridges.open("call");
        f.bridges.close(id);
        assertRefused(
                () -> f.bridges.answer(id, BridgeSide.B, LegProfile.RTP, Sdps.phonePcmu()), Reason.UNKNOWN_BRIDGE);
    }

    @Test
    void noLegsOrTooManyBridgesIsUnavailable() {
        String id = f.bridges.open("call");
        f.legs.unavailable = true;
        assertRefused(
                () -> f.bridges.offer(id, BridgeSide.A, LegProfile.RTP, LegProfile.WEBRTC, Sdps.phonePcmu()),
                Reason.UNAVAILABLE);
        f.legs.unavailable = false;

        BridgeSettings s = BridgeFixture.settings();
        BridgeFixture small = new BridgeFixture(new BridgeSettings(
                s.webRtcCandidates(),
                s.rtpAddress(),
                s.webRtcCodecs(),
                s.rtpCodecs(),
                s.sdesOffer(),
                s.inactivityTimeout(),
                1));
        String only = small.bridges.open("one");
        assertRefused(() -> small.bridges.open("two"), Reason.UNAVAILABLE);
        small.bridges.close(only);
        small.assertNoLeak();
    }

    private static void assertRefused(Runnable call, Reason reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(MediaRefusedException.class, e -> assertThat(e.reason())
                .isEqualTo(reason));
    }
}
