package dev.liaison.routes.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liaison.gateway.call.B2bua;
import dev.liaison.gateway.call.LegState;
import dev.liaison.gateway.call.PassThroughMediaPort;
import dev.liaison.gateway.client.it.ProtocolTestClient;
import dev.liaison.gateway.client.session.ClientSessionRegistry;
import dev.liaison.gateway.client.session.SessionState;
import dev.liaison.gateway.client.token.ClientTokenIssuer;
import dev.liaison.gateway.media.MediaPort;
import dev.liaison.gateway.sip.SipStackHost;
import dev.liaison.gateway.sip.Sipp;
import dev.liaison.routes.support.LiaisonIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
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
 * Web to SIP through the whole application: a browser on {@code /ws/client} calls the destination {@code pbx}; the
 * {@code call-incoming} route connects it, by the dial plan, to SIPp standing in for the PBX behind the trunk; the
 * back-to-back user agent bridges the two legs. The media broker is a pass-through test double (the broker is not
 * built yet). Each flow ends with no call, SIP leg, dialog or client session left.
 */
@LiaisonIntegrationTest
@Import(WebCallToSipTrunkIT.PassThroughMedia.class)
class WebCallToSipTrunkIT {

    private static final int PBX_PORT = freePort();
    private static final String OFFER = "v=0\r\no=browser 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
            + "t=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

    @DynamicPropertySource
    static void pbx(DynamicPropertyRegistry registry) {
        registry.add("liaison.dial-plan.destinations.pbx", () -> "sip:service@127.0.0.1:" + PBX_PORT);
        registry.add("liaison.gateway.calls.allowed-sip-targets", () -> "sip:service@127\\.0\\.0\\.1:\\d+");
        registry.add("liaison.sip.trunk-peers", () -> "127.0.0.1");
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

    @Test
    void browserCallsThePbxAndHangsUp() throws Exception {
        try (Sipp pbx = Sipp.uas("uas-answer-await-bye.xml", PBX_PORT);
                ProtocolTestClient browser = ProtocolTestClient.connect(httpPort)) {
            String callId = answeredCall(browser);

            browser.send("hangup", "h1", m -> m.put("callId", callId));

            assertThat(browser.next("ended").path("reason").asText()).isEqualTo("normal");
            pbx.assertScenarioCompleted();
            browser.endSession();
        }
    }

    @Test
    void browserSocketDropsMidCallAndReattachesWhileThePbxStaysConnected() throws Exception {
        try (Sipp pbx = Sipp.uas("uas-answer-await-bye.xml", PBX_PORT)) {
            String token = token(Set.of("pbx"));
            ProtocolTestClient first = ProtocolTestClient.connect(httpPort);
            JsonNode session = first.authenticateAndStart(token, Optional.empty());
            first.send("call", "c1", m -> m.put("destination", "pbx")
                    .put("media", "audio")
                    .put("sdp", OFFER));
            String callId = first.next("answered").path("callId").asText();

            first.drop();
            await("session detached")
                    .until(() -> sessions.sessions().stream().allMatch(s -> s.state() == SessionState.DETACHED));
            // The PBX is not hung up while the browser is away: its dialog stays confirmed, no BYE is sent.
            assertThat(sip.legs().all()).singleElement().satisfies(leg -> assertThat(leg.state())
                    .isEqualTo(LegState.ANSWERED));

            try (ProtocolTestClient second = ProtocolTestClient.connect(httpPort)) {
                JsonNode resumed = second.authenticateAndStart(
                        token, Optional.of(session.path("resumeToken").asText()));
                assertThat(resumed.path("resumed").asBoolean()).isTrue();
                assertThat(resumed.path("calls")).singleElement().satisfies(snapshot -> {
                    assertThat(snapshot.path("callId").asText()).isEqualTo(callId);
                    assertThat(snapshot.path("state").asText()).isEqualTo("answered");
                });

                second.send("hangup", "h1", m -> m.put("callId", callId));
                assertThat(second.next("ended").path("reason").asText()).isEqualTo("normal");
                pbx.assertScenarioCompleted();
                second.endSession();
            }
        }
    }

    @Test
    void pbxHangsUpAndTheBrowserIsTold() throws Exception {
        try (Sipp pbx = Sipp.uas("uas-answer-send-bye.xml", PBX_PORT);
                ProtocolTestClient browser = ProtocolTestClient.connect(httpPort)) {
            answeredCall(browser);

            assertThat(browser.next("ended").path("reason").asText()).isEqualTo("normal");
            pbx.assertScenarioCompleted();
            browser.endSession();
        }
    }

    @Test
    void busyPbxEndsTheBrowsersCallWithBusy() throws Exception {
        try (Sipp pbx = Sipp.uas("uas-busy.xml", PBX_PORT);
                ProtocolTestClient browser = ProtocolTestClient.connect(httpPort)) {
            startCall(browser);

            assertThat(browser.next("ended").path("reason").asText()).isEqualTo("busy");
            pbx.assertScenarioCompleted();
            browser.endSession();
        }
    }

    @Test
    void destinationOutsideTheTokensAllowListNeverReachesTheTrunk() {
        int bridgesBefore = ((PassThroughMediaPort) media).opened();
        try (ProtocolTestClient browser = ProtocolTestClient.connect(httpPort)) {
            browser.authenticateAndStart(token(Set.of("support")), Optional.empty());
            browser.send("call", "c1", m -> m.put("destination", "pbx")
                    .put("media", "audio")
                    .put("sdp", OFFER));
            assertThat(browser.next("error").path("code").asText()).isEqualTo("forbidden-destination");
            browser.endSession();
        }
        assertThat(((PassThroughMediaPort) media).opened()).isEqualTo(bridgesBefore);
        assertThat(b2bua.activeCallIds()).isEmpty();
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
    }

    private String answeredCall(ProtocolTestClient browser) {
        startCall(browser);
        JsonNode answered = browser.next("answered");
        assertThat(answered.path("sdp").asText()).contains("m=audio");
        return answered.path("callId").asText();
    }

    private void startCall(ProtocolTestClient browser) {
        browser.authenticateAndStart(token(Set.of("pbx")), Optional.empty());
        browser.send("call", "c1", m -> m.put("destination", "pbx")
                .put("media", "audio")
                .put("sdp", OFFER));
    }

    private String token(Set<String> destinations) {
        return tokens.issue("visitor-1", "acme", destinations, Set.of(), Duration.ofMinutes(5));
    }

    private static int freePort() {
        try {
            return Sipp.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
