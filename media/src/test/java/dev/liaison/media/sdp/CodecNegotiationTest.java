package dev.liaison.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.media.sdp.BridgePlan.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The broker relays without transcoding whenever both legs share a codec, and says when they do not. */
class CodecNegotiationTest {

    private final List<RtpMap> chromiumAudio =
            SdpResources.parse("chromium-offer.sdp").media().get(0).codecs();
    private final List<RtpMap> chromiumVideo =
            SdpResources.parse("chromium-offer.sdp").media().get(1).codecs();

    @Test
    void browserAndPcmuPhoneShareG711SoNothingIsTranscoded() {
        List<RtpMap> phone = SdpResources.parse("sipp-offer.sdp").media().get(0).codecs();

        BridgePlan plan = CodecNegotiator.plan(chromiumAudio, phone);

        assertThat(plan.outcome()).isEqualTo(Outcome.PASS_THROUGH);
        assertThat(plan.codecA().encoding()).isEqualTo("PCMU");
        assertThat(plan.codecB().payloadType()).isZero();
        assertThat(plan.transcodingNeeded()).isFalse();
    }

    @Test
    void browserAndG729OnlyPhoneNeedTranscoding() {
        List<RtpMap> phone =
                SdpResources.parse("phone-g729-offer.sdp").media().get(0).codecs();

        BridgePlan plan = CodecNegotiator.plan(chromiumAudio, phone);

        assertThat(plan.outcome()).isEqualTo(Outcome.TRANSCODE);
        assertThat(plan.codecA().encoding()).isEqualTo("opus");
        assertThat(plan.codecB().encoding()).isEqualTo("G729");
        assertThat(plan.transcodingNeeded()).isTrue();
    }

    @Test
    void vp8IsPassedThroughBetweenTwoBrowsers() {
        BridgePlan plan = CodecNegotiator.plan(chromiumVideo, chromiumVideo);

        assertThat(plan.outcome()).isEqualTo(Outcome.PASS_THROUGH);
        assertThat(plan.codecA().encoding()).isEqualTo("VP8");
    }

    @Test
    void h264PassesThroughOnlyWithTheSameProfileAndPacketizationMode() {
        RtpMap baseline = new RtpMap(100, "H264", 90000, 1, "packetization-mode=1;profile-level-id=42e01f");
        RtpMap baselineOtherLevel = new RtpMap(120, "H264", 90000, 1, "profile-level-id=42e00d;packetization-mode=1");
        RtpMap main = new RtpMap(121, "H264", 90000, 1, "packetization-mode=1;profile-level-id=4d001f");
        RtpMap mode0 = new RtpMap(122, "H264", 90000, 1, "profile-level-id=42e01f");

        assertThat(CodecNegotiator.sameCodec(baseline, baselineOtherLevel)).isTrue();
        assertThat(CodecNegotiator.sameCodec(baseline, main)).isFalse();
        assertThat(CodecNegotiator.sameCodec(baseline, mode0)).isFalse();
        BridgePlan plan = CodecNegotiator.plan(List.of(main, baseline), List.of(baselineOtherLevel));
        assertThat(plan.outcome()).isEqualTo(Outcome.PASS_THROUGH);
        assertThat(plan.codecA()).isEqualTo(baseline);
        assertThat(plan.codecB()).isEqualTo(baselineOtherLevel);
        assertThat(CodecNegotiator.plan(List.of(main), List.of(baseline)).outcome())
                .isEqualTo(Outcome.TRANSCODE);
    }

    @Test
    void answerKeepsTheOfferOrderAndPayloadTypesOfSupportedCodecs() {
        List<RtpMap> supported = List.of(
                new RtpMap(0, "PCMU", 8000, 1, ""),
                new RtpMap(101, "telephone-event", 8000, 1, "0-15"),
                new RtpMap(111, "opus", 48000, 2, ""));

        List<RtpMap> answer = CodecNegotiator.answerCodecs(chromiumAudio, supported);

        assertThat(answer).extracting(RtpMap::payloadType).containsExactly(111, 0, 126);
    }

    @Test
    void aLegWithOnlyDtmfHasNoCodec() {
        List<RtpMap> dtmfOnly = List.of(new RtpMap(101, "telephone-event", 8000, 1, ""));

        assertThat(CodecNegotiator.plan(chromiumAudio, dtmfOnly).outcome()).isEqualTo(Outcome.NO_CODEC);
    }
}
