package dev.liaison.media.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.media.srtp.SrtpProfile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class MediaPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MediaProperties.class)
    static class Binding {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void defaultsAreThePlannedOnes() {
        runner.run(context -> {
            MediaProperties media = context.getBean(MediaProperties.class);
            assertThat(media).isEqualTo(MediaProperties.defaults());
            assertThat(media.enabled()).isTrue();
            assertThat(media.mux().bindAddress()).isEqualTo("0.0.0.0");
            assertThat(media.mux().port()).isEqualTo(16000);
            assertThat(media.mux().advertisedCandidates()).isEmpty();
            assertThat(media.rtp().portMin()).isEqualTo(20000);
            assertThat(media.rtp().portMax()).isEqualTo(29999);
            assertThat(media.rtp().portPairs()).isEqualTo(5000);
            assertThat(media.rtp().latching()).isTrue();
            assertThat(media.sdes().offer()).isFalse();
            assertThat(media.sdes().srtpProfile()).isEqualTo(SrtpProfile.AES128_CM_HMAC_SHA1_80);
            assertThat(media.dtls().handshakeTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(media.inactivityTimeout()).isEqualTo(Duration.ofSeconds(30));
        });
    }

    @Test
    void everySettingBinds() {
        runner.withPropertyValues(
                        "liaison.media.enabled=false",
                        "liaison.media.mux.bind-address=127.0.0.1",
                        "liaison.media.mux.port=0",
                        "liaison.media.mux.advertised-candidates=192.0.2.7,[2001:db8::7]:16001",
                        "liaison.media.mux.max-sessions=20",
                        "liaison.media.mux.session-queue-capacity=32",
                        "liaison.media.mux.consent-timeout=15s",
                        "liaison.media.rtp.bind-address=127.0.0.1",
                        "liaison.media.rtp.advertised-address=198.51.100.4",
                        "liaison.media.rtp.port-min=30000",
                        "liaison.media.rtp.port-max=30099",
                        "liaison.media.rtp.max-legs=50",
                        "liaison.media.rtp.latching=false",
                        "liaison.media.sdes.offer=true",
                        "liaison.media.sdes.profile=AEAD_AES_128_GCM",
                        "liaison.media.dtls.handshake-timeout=5s",
                        "liaison.media.dtls.certificate-validity=7d",
                        "liaison.media.inactivity-timeout=1m",
                        "liaison.media.sweep-interval=500ms")
                .run(context -> {
                    MediaProperties media = context.getBean(MediaProperties.class);
                    assertThat(media.enabled()).isFalse();
                    assertThat(media.mux())
                            .isEqualTo(new MediaProperties.Mux(
                                    "127.0.0.1",
                                    0,
                                    List.of("192.0.2.7", "[2001:db8::7]:16001"),
                                    20,
                                    32,
                                    Duration.ofSeconds(15)));
                    assertThat(media.rtp())
                            .isEqualTo(new MediaProperties.Rtp("127.0.0.1", "198.51.100.4", 30000, 30099, 50, false));
                    assertThat(media.sdes().srtpProfile()).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
                    assertThat(media.sdes().offer()).isTrue();
                    assertThat(media.dtls().certificateValidity()).isEqualTo(Duration.ofDays(7));
                    assertThat(media.inactivityTimeout()).isEqualTo(Duration.ofMinutes(1));
                    assertThat(media.sweepInterval()).isEqualTo(Duration.ofMillis(500));
                });
    }

    @Test
    void anOddPortMinStopsTheStartNamingTheSetting() {
        runner.withPropertyValues("liaison.media.rtp.port-min=20001").run(context -> assertThat(context)
                .hasFailed()
                .getFailure()
                .hasRootCauseMessage("liaison.media.rtp.port-min must be even (RTP on even ports, RTCP on the next),"
                        + " got 20001"));
    }

    @Test
    void anUpsideDownRangeStopsTheStartNamingBothEnds() {
        runner.withPropertyValues("liaison.media.rtp.port-min=30000", "liaison.media.rtp.port-max=20000")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasRootCauseMessage("liaison.media.rtp.port-max (20000) must be above"
                                + " liaison.media.rtp.port-min (30000)"));
    }

    @Test
    void moreLegsThanThePortPairsOfTheRangeStopTheStart() {
        runner.withPropertyValues(
                        "liaison.media.rtp.port-min=20000",
                        "liaison.media.rtp.port-max=20009",
                        "liaison.media.rtp.max-legs=6")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasRootCauseMessage(
                                "liaison.media.rtp.max-legs must be 1..5 (the port pairs in 20000-20009), got 6"));
    }

    @Test
    void otherBadValuesAreRefusedWithTheSettingName() {
        assertFails("liaison.media.mux.port=70000", "liaison.media.mux.port must be 0..65535, got 70000");
        assertFails("liaison.media.mux.bind-address=media.example.net", "liaison.media.mux.bind-address");
        assertFails("liaison.media.mux.advertised-candidates=192.0.2.7:http", "port that is not a number");
        assertFails("liaison.media.mux.advertised-candidates=[2001:db8::7", "no closing ']'");
        assertFails("liaison.media.mux.max-sessions=0", "liaison.media.mux.max-sessions must be 1..100000, got 0");
        assertFails("liaison.media.mux.consent-timeout=0s", "liaison.media.mux.consent-timeout must be a positive");
        assertFails("liaison.media.rtp.advertised-address=pbx", "liaison.media.rtp.advertised-address");
        assertFails("liaison.media.sdes.profile=NULL_CIPHER", "liaison.media.sdes.profile must be one of");
        assertFails("liaison.media.dtls.handshake-timeout=-1s", "liaison.media.dtls.handshake-timeout");
        assertFails("liaison.media.sweep-interval=1m", "liaison.media.sweep-interval (PT1M) must not exceed");
    }

    @Test
    void candidatesParseWithAndWithoutPorts() {
        assertThat(HostPort.parse("s", "192.0.2.7").port()).isEmpty();
        assertThat(HostPort.parse("s", "192.0.2.7:4000").port()).hasValue(4000);
        assertThat(HostPort.parse("s", "[2001:db8::7]:4000").address().getHostAddress())
                .isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(HostPort.parse("s", "2001:db8::7").port()).isEmpty();
        assertThatThrownBy(() -> HostPort.parse("s", "192.0.2.7:0")).hasMessageContaining("s port must be 1..65535");
    }

    private void assertFails(String property, String message) {
        runner.withPropertyValues(property)
                .run(context ->
                        assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining(message));
    }
}
