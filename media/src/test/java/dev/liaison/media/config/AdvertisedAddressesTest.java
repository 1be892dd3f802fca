package dev.liaison.media.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.media.sdp.IceLiteAnswerBuilder.Candidate;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdvertisedAddressesTest {

    private static final InetAddress HOST = address("192.0.2.50");

    @Test
    void aWildcardBindAdvertisesTheHostsFirstIpv4WithTheBoundPort() {
        AdvertisedAddresses resolved = AdvertisedAddresses.resolve(
                MediaProperties.defaults(), new InetSocketAddress(address("0.0.0.0"), 40123), () -> Optional.of(HOST));

        assertThat(resolved.candidates()).containsExactly(new Candidate("192.0.2.50", 40123));
        assertThat(resolved.rtpBind()).isEqualTo(address("0.0.0.0"));
        assertThat(resolved.rtpAdvertised()).isEqualTo(HOST);
    }

    @Test
    void aHostWithoutAnotherAddressAdvertisesLoopback() {
        AdvertisedAddresses resolved = AdvertisedAddresses.resolve(
                MediaProperties.defaults(), new InetSocketAddress(address("0.0.0.0"), 16000), Optional::empty);

        assertThat(resolved.candidates()).containsExactly(new Candidate("127.0.0.1", 16000));
        assertThat(resolved.rtpAdvertised().isLoopbackAddress()).isTrue();
    }

    @Test
    void aSpecificBindAddressIsAdvertisedAsItIs() {
        MediaProperties properties = new MediaProperties(
                true,
                new MediaProperties.Mux("127.0.0.1", 0, List.of(), 10, 16, java.time.Duration.ofSeconds(30)),
                new MediaProperties.Rtp("127.0.0.1", "", 20000, 20099, 10, true),
                MediaProperties.defaults().sdes(),
                MediaProperties.defaults().dtls(),
                java.time.Duration.ofSeconds(30),
                java.time.Duration.ofSeconds(1));

        AdvertisedAddresses resolved = AdvertisedAddresses.resolve(
                properties, new InetSocketAddress(address("127.0.0.1"), 40999), () -> Optional.of(HOST));

        assertThat(resolved.candidates()).containsExactly(new Candidate("127.0.0.1", 40999));
        assertThat(resolved.rtpAdvertised()).isEqualTo(address("127.0.0.1"));
    }

    @Test
    void configuredCandidatesAndRtpAddressWin() {
        MediaProperties defaults = MediaProperties.defaults();
        MediaProperties properties = new MediaProperties(
                true,
                new MediaProperties.Mux(
                        "0.0.0.0",
                        0,
                        List.of("203.0.113.9", "[2001:db8::9]:3478"),
                        10,
                        16,
                        defaults.mux().consentTimeout()),
                new MediaProperties.Rtp("0.0.0.0", "203.0.113.10", 20000, 20099, 10, true),
                defaults.sdes(),
                defaults.dtls(),
                defaults.inactivityTimeout(),
                defaults.sweepInterval());

        AdvertisedAddresses resolved = AdvertisedAddresses.resolve(
                properties, new InetSocketAddress(address("0.0.0.0"), 40000), () -> Optional.of(HOST));

        assertThat(resolved.candidates())
                .containsExactly(new Candidate("203.0.113.9", 40000), new Candidate("2001:db8:0:0:0:0:0:9", 3478));
        assertThat(resolved.rtpAdvertised()).isEqualTo(address("203.0.113.10"));
    }

    private static InetAddress address(String literal) {
        return Checks.ipLiteral("test", literal);
    }
}
