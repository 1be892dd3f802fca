package dev.liaison.routes.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.gateway.call.B2bua;
import dev.liaison.gateway.call.PassThroughMediaPort;
import dev.liaison.gateway.client.session.ClientSessionRegistry;
import dev.liaison.gateway.client.token.ClientTokenIssuer;
import dev.liaison.gateway.media.MediaPort;
import dev.liaison.gateway.sip.SipStackHost;
import dev.liaison.gateway.sip.Sipp;
import dev.liaison.routes.media.ClientCallBrowser.Codec;
import dev.liaison.routes.support.LiaisonIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The signaling half of {@link BrowserCallsSippThroughTheMediaBrokerIT}, with the media broker replaced by the
 * pass-through double: the page {@code client-call.html} in headless Chromium authenticates, starts a session and
 * calls {@code pbx} with Chromium's own WebRTC offer, which reaches SIPp unchanged through the trunk; SIPp's WebRTC
 * answer comes back in {@code answered} and Chromium accepts it; the page hangs up ({@code ended} normal) and ends
 * its session. No media flows (nothing answers ICE). Ends with no call, SIP leg, dialog, client session, bridge or
 * Chromium process left.
 */
@LiaisonIntegrationTest
@Import(ClientCallPageSignalingIT.PassThroughMedia.class)
class ClientCallPageSignalingIT {

    private static final int PBX_PORT = freePort();

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        registry.add("liaison.dial-plan.destinations.pbx", () -> "sip:service@127.0.0.1:" + PBX_PORT);
        registry.add("liaison.gateway.calls.allowed-sip-targets", () -> "sip:service@127\\.0\\.0\\.1:\\d+");
        registry.add("liaison.sip.trunk-peers", () -> "127.0.0.1");
        // The pass-through double is this test's media port; the real broker stays off.
        registry.add("liaison.media.enabled", () -> "false");
    }

    @TestConfiguration
    static class PassThroughMedia {
        @Bean
        PassThroughMediaPort mediaPort() {
            return new PassThroughMediaPort();
        }
    }

    @LocalServerPort
    int httpPort;

    @Autowired
    ClientTokenIssuer tokens;

    @Autowired
    B2bua b2bua;

    @Autowired
    SipStackHost sip;

    @Autowired
    ClientSessionRegistry sessions;

    @Autowired
    MediaPort media;

    private final List<ClientCallBrowser> browsers = new ArrayList<>();

    @Test
    void signalingHalfWorksWithTheRealBrowserSdp() throws Exception {
        String token = tokens.issue("visitor-1", "acme", Set.of("pbx"), Set.of(), Duration.ofMinutes(5));
        // SIPp's whole run, overriding Sipp's 30 s: the call spans Chromium's start.
        try (Sipp pbx = Sipp.uas("uas-webrtc-answer-await-bye.xml", PBX_PORT, "-timeout", "90s");
                ClientCallBrowser browser =
                        ClientCallBrowser.call("ws://127.0.0.1:" + httpPort + "/ws/client", token, "pbx", Codec.OPUS)) {
            browsers.add(browser);

            assertThat(browser.nextMessage("authenticated").path("subject").asText())
                    .isEqualTo("visitor-1");
            browser.nextMessage("session");
            String callId = browser.nextMessage("calling").path("callId").asText();
            assertThat(browser.nextMessage("answered").path("callId").asText()).isEqualTo(callId);
            browser.awaitPageEvent("remote-description-set");

            browser.hangUp();
            assertThat(browser.nextMessage("ended").path("reason").asText()).isEqualTo("normal");
            browser.awaitPageEvent("peer-closed");
            pbx.assertScenarioCompleted();
            // The offer Chromium made with only Opus (and telephone-event) went to the phone as it was.
            String offer = browser.offer();
            assertThat(offer).contains("UDP/TLS/RTP/SAVPF", "opus/48000", "a=fingerprint:", "a=candidate:");
            assertThat(offer).doesNotContain("PCMU", "PCMA", "G722");
            assertThat(pbx.received("INVITE")).singleElement().satisfies(invite -> assertThat(invite)
                    .contains("opus/48000", "UDP/TLS/RTP/SAVPF"));

            browser.endSession();
            assertThat(browser.nextMessage("session-ended").path("reason").asText())
                    .isEqualTo("ended-by-client");
            assertThat(browser.failures()).as("failures on the page").isEmpty();
        }
    }

    @AfterEach
    void nothingLeaked() {
        await("no call, SIP leg, dialog or client session left")
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> {
                    assertThat(b2bua.activeCallIds()).as("calls").isEmpty();
                    assertThat(sip.legs().all()).as("SIP legs").isEmpty();
                    assertThat(sip.stack().orElseThrow().getDialogs())
                            .as("SIP dialogs")
                            .isEmpty();
                    assertThat(sessions.sessionCount()).as("client sessions").isZero();
                    assertThat(sessions.legCount()).as("client legs").isZero();
                });
        assertThat(((PassThroughMediaPort) media).allClosed())
                .as("media bridges closed")
                .isTrue();
        assertThat(browsers).as("Chromium stopped, profile deleted").allMatch(ClientCallBrowser::closed);
    }

    private static int freePort() {
        try {
            return Sipp.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
