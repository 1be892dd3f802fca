package dev.liaison.media.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.media.sdp.RtpMap;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Settings fail fast on values the bridges cannot work with. */
class BridgeSettingsTest {
    private final BridgeSettings ok = BridgeFixture.settings();

    @Test
    void defaultsOfferOpusAndG711ToBrowsersAndG711ToPhones() {
        assertThat(ok.webRtcCodecs()).extracting(RtpMap::encoding).startsWith("opus", "PCMU", "PCMA");
        assertThat(ok.rtpCodecs()).extracting(RtpMap::encoding).containsExactly("PCMU", "PCMA", "telephone-event");
        assertThat(ok.sdesOffer()).isEmpty();
        assertThat(ok.inactivityTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void badValuesAreRefused() {
        assertThatThrownBy(() -> with(List.of(), ok.rtpAddress(), ok.rtpCodecs(), ok.inactivityTimeout(), 1))
                .hasMessageContaining("candidate");
        assertThatThrownBy(
                        () -> with(ok.webRtcCandidates(), "pbx.example.com", ok.rtpCodecs(), ok.inactivityTimeout(), 1))
                .hasMessageContaining("literal");
        assertThatThrownBy(() -> with(ok.webRtcCandidates(), "300.1.1.1", ok.rtpCodecs(), ok.inactivityTimeout(), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> with(
                        ok.webRtcCandidates(),
                        ok.rtpAddress(),
                        List.of(new RtpMap(101, "telephone-event", 8000, 1, "")),
                        ok.inactivityTimeout(),
                        1))
                .hasMessageContaining("media codec");
        assertThatThrownBy(() -> with(ok.webRtcCandidates(), ok.rtpAddress(), ok.rtpCodecs(), Duration.ZERO, 1))
                .hasMessageContaining("inactivityTimeout");
        assertThatThrownBy(
                        () -> with(ok.webRtcCandidates(), ok.rtpAddress(), ok.rtpCodecs(), ok.inactivityTimeout(), 0))
                .hasMessageContaining("maxBridges");
        assertThat(with(ok.webRtcCandidates(), "2001:db8::7", ok.rtpCodecs(), ok.inactivityTimeout(), 1)
                        .rtpAddress())
                .isEqualTo("2001:db8::7");
    }

    private BridgeSettings with(
            List<dev.liaison.media.sdp.IceLiteAnswerBuilder.Candidate> candidates,
            String address,
            List<RtpMap> rtpCodecs,
            Duration timeout,
            int max) {
        return new BridgeSettings(candidates, address, ok.webRtcCodecs(), rtpCodecs, Optional.empty(), timeout, max);
    }
}
