package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SIP configuration refuses bad values at start-up, naming the property. */
class SipPropertiesTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        SipProperties defaults = SipProperties.defaults();
        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(defaults.port()).isEqualTo(5060);
        assertThat(defaults.tlsPort()).isEqualTo(5061);
        assertThat(defaults.tlsEnabled()).isFalse();
        assertThat(defaults.noAnswerTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.credentials()).isEmpty();
    }

    @Test
    void sessionTimerMinimumBelow90sOrAboveTheIntervalIsRefused() {
        SipProperties d = SipProperties.defaults();
        assertThatThrownBy(() -> d.withSessionTimer(Duration.ofSeconds(1800), Duration.ofSeconds(60)))
                .hasMessageContaining("liaison.sip.session-timer-min-se");
        assertThatThrownBy(() -> d.withSessionTimer(Duration.ofSeconds(120), Duration.ofSeconds(600)))
                .hasMessageContaining("liaison.sip.session-timer-min-se");
        assertThat(d.sessionTimerMinSe()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void registrarNeedsAUserNameAndAWellFormedAddress() {
        SipProperties d = SipProperties.defaults();
        assertThatThrownBy(() -> d.withTrunkAccount("", "registrar.example.net", "", "", Duration.ofHours(1)))
                .hasMessageContaining("liaison.sip.registrar");
        assertThatThrownBy(() -> d.withTrunkAccount("", "registrar:x/sctp", "u", "p", Duration.ofHours(1)))
                .hasMessageContaining("liaison.sip.registrar");
        assertThatThrownBy(() -> d.withTrunkAccount("", "registrar.example.net", "u", "p", Duration.ofSeconds(30)))
                .hasMessageContaining("liaison.sip.registration-expires");
        SipProperties registering =
                d.withTrunkAccount("", "registrar.example.net:5061/tls", "u", "p", Duration.ofHours(1));
        assertThat(registering.registrationEnabled()).isTrue();
        assertThat(registering.toString()).doesNotContain("=p,").doesNotContain("=p]");
        assertThat(d.registrationEnabled()).isFalse();
    }

    @Test
    void portOutOfRangeIsRefused() {
        assertThatThrownBy(() -> withPort(70000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("liaison.sip.port");
    }

    @Test
    void portZeroMeansEphemeral() {
        assertThat(withPort(0).port()).isZero();
    }

    @Test
    void malformedTrunkPeerIsRefused() {
        assertThatThrownBy(() -> withPeers(List.of("10.0.0.0/99")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("liaison.sip.trunk-peers");
    }

    @Test
    void usernameWithoutPasswordIsRefused() {
        assertThatThrownBy(() -> props(0, List.of(), "", "trunk", "", Duration.ofSeconds(1800)))
                .hasMessageContaining("liaison.sip.password");
    }

    @Test
    void credentialsNeverShowThePassword() {
        SipProperties withCredentials =
                props(0, List.of(), "pbx.example.net:5060/udp", "trunk", "s3cret", Duration.ofSeconds(1800));
        assertThat(withCredentials.credentials()).isPresent();
        assertThat(withCredentials.toString()).doesNotContain("s3cret");
        assertThat(withCredentials.credentials().orElseThrow().toString()).doesNotContain("s3cret");
    }

    @Test
    void malformedOutboundProxyIsRefused() {
        assertThatThrownBy(() -> props(0, List.of(), "pbx:5060/sctp", "", "", Duration.ofSeconds(1800)))
                .hasMessageContaining("liaison.sip.outbound-proxy");
    }

    @Test
    void tooShortSessionTimerIsRefused() {
        assertThatThrownBy(() -> props(0, List.of(), "", "", "", Duration.ofSeconds(30)))
                .hasMessageContaining("liaison.sip.session-timer-interval");
    }

    private static SipProperties withPort(int port) {
        return props(port, List.of(), "", "", "", Duration.ofSeconds(1800));
    }

    private static SipProperties withPeers(List<String> peers) {
        return props(0, peers, "", "", "", Duration.ofSeconds(1800));
    }

    private static SipProperties props(
            int port,
            List<String> peers,
            String outboundProxy,
            String username,
            String password,
            Duration sessionTimer) {
        SipProperties d = SipProperties.defaults();
        return new SipProperties(
                true,
                "127.0.0.1",
                "",
                port,
                5061,
                "",
                "",
                peers,
                outboundProxy,
                username,
                "",
                password,
                d.noAnswerTimeout(),
                10,
                10,
                65536,
                sessionTimer,
                d.timerT1(),
                2);
    }
}
