package dev.liaison.routes.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liaison.gateway.call.B2bua;
import dev.liaison.gateway.call.PassThroughMediaPort;
import dev.liaison.gateway.client.session.ClientSessionRegistry;
import dev.liaison.gateway.client.token.ClientTokenIssuer;
import dev.liaison.gateway.media.MediaPort;
import dev.liaison.gateway.sip.SipStackHost;
import dev.liaison.media.bridge.MediaBridges;
import dev.liaison.media.config.MediaBroker;
import dev.liaison.routes.media.ClientCallBrowser.Codec;
import dev.liaison.routes.support.LiaisonIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A browser-to-browser video call through the media broker (issue 5): two headless Chromium processes, each with its
 * own profile and fake microphone and camera, on {@code /ws/client}. The agent's page signs in and starts a session;
 * the customer's page calls {@code agent}, which the dial plan sends to {@code client:agent-7} (the agent's live
 * session, whatever its random id); the agent's page gets {@code incoming-call} with the broker's offer and answers
 * with its own SDP. The broker terminates each browser's ICE-lite/DTLS-SRTP on its one muxed port and passes Opus and
 * the video through between the two WebRTC legs without transcoding. Each browser hearing audio (inbound packets,
 * audio level above zero) and decoding video frames, over a selected candidate pair that ends on the broker's muxed
 * port, with SDPs that name only the broker (its ICE-lite candidate, never the other browser's credentials), is media
 * both ways through the broker and not peer to peer. The customer hangs up, the agent hears {@code ended}, and nothing
 * is left: no call, client session, bridge, WebRTC session or Chromium process.
 */
@LiaisonIntegrationTest
class BrowserToBrowserCallThroughTheBrokerIT {

    private static final String AGENT = "agent-7";
    private static final Pattern UFRAG = Pattern.compile("a=ice-ufrag:(\\S+)");
    private static final Pattern FINGERPRINT = Pattern.compile("a=fingerprint:\\S+ (\\S+)");

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        registry.add("liaison.dial-plan.destinations.agent", () -> "client:" + AGENT);
        // Everything on loopback: the broker's only host candidate is 127.0.0.1, so Chromium pairs its loopback one.
        registry.add("liaison.media.enabled", () -> "true");
        registry.add("liaison.media.mux.bind-address", () -> "127.0.0.1");
        registry.add("liaison.media.mux.port", () -> 0);
        registry.add("liaison.media.rtp.bind-address", () -> "127.0.0.1");
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
    ObjectProvider<MediaPort> mediaPort;

    @Autowired
    ObjectProvider<MediaBridges> bridges;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MediaBroker broker;

    private final List<ClientCallBrowser> browsers = new ArrayList<>();

    @Test
    void customerAndAgentSeeAndHearEachOtherThroughTheBroker() throws Exception {
        assertThat(mediaPort.getIfAvailable())
                .as("the application's media port, the real broker")
                .isNotNull()
                .isNotInstanceOf(PassThroughMediaPort.class);
        BrokerMeters before = BrokerMeters.read(meters);
        String ws = "ws://127.0.0.1:" + httpPort + "/ws/client";
        try (ClientCallBrowser agent = ClientCallBrowser.answering(ws, token(AGENT, Set.of()))) {
            browsers.add(agent);
            agent.nextMessage("session");
            await("the agent's session is live")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> sessions.activeSessionOf(AGENT).isPresent());

            try (ClientCallBrowser customer =
                    ClientCallBrowser.call(ws, token("customer-1", Set.of("agent")), "agent", Codec.OPUS, true)) {
                browsers.add(customer);

                JsonNode incoming = agent.nextMessage("incoming-call");
                assertThat(incoming.path("media").asText()).isEqualTo("video");
                String offerToAgent = incoming.path("sdp").asText();
                String answerToCustomer =
                        customer.nextMessage("answered").path("sdp").asText();
                String customerOffer = customer.offer();
                String agentAnswer = agent.answer();

                assertThat(customerOffer).contains("m=video ");
                assertThat(agentAnswer).containsPattern("(?m)^m=video [1-9]");
                namesOnlyTheBroker("the broker's offer to the agent", offerToAgent, customerOffer)
                        .contains("a=setup:actpass");
                namesOnlyTheBroker("the broker's answer to the customer", answerToCustomer, agentAnswer)
                        .contains("a=setup:passive");

                JsonNode customerStats = mediaFlows("the customer", customer);
                JsonNode agentStats = mediaFlows("the agent", agent);
                assertThat(customerStats.path("inbound").path("codec").asText()).isEqualToIgnoringCase("audio/opus");
                assertThat(agentStats.path("inbound").path("codec").asText()).isEqualToIgnoringCase("audio/opus");
                assertThat(agentStats.path("inboundVideo").path("codec").asText())
                        .as("the video codec the agent decodes")
                        .isEqualToIgnoringCase(customerStats
                                .path("outboundVideo")
                                .path("codec")
                                .asText());

                BrokerMeters during = BrokerMeters.read(meters);
                assertThat(during.dtlsHandshakesSucceeded() - before.dtlsHandshakesSucceeded())
                        .as("DTLS handshakes the broker completed, one per browser")
                        .isGreaterThanOrEqualTo(2);
                assertThat(during.passedThrough() - before.passedThrough())
                        .as("packets the bridge relayed as they were")
                        .isPositive();
                assertThat(during.transcoded() - before.transcoded())
                        .as("packets the bridge transcoded on a browser-to-browser call")
                        .isZero();

                customer.hangUp();
                assertThat(customer.nextMessage("ended").path("reason").asText())
                        .isEqualTo("normal");
                assertThat(agent.nextMessage("ended").path("reason").asText()).isEqualTo("normal");

                BrokerMeters after = BrokerMeters.read(meters);
                assertThat(after.transcoded() - before.transcoded())
                        .as("packets the bridge transcoded over the whole call")
                        .isZero();
                assertThat(after.transcoderEvents() - before.transcoderEvents())
                        .as("transcoder drops and concealments over the whole call")
                        .isZero();

                for (ClientCallBrowser browser : List.of(customer, agent)) {
                    browser.awaitPageEvent("peer-closed");
                    browser.endSession();
                    assertThat(browser.nextMessage("session-ended")
                                    .path("reason")
                                    .asText())
                            .isEqualTo("ended-by-client");
                }
                assertThat(customer.failures())
                        .as("failures on the customer's page")
                        .isEmpty();
                assertThat(agent.failures()).as("failures on the agent's page").isEmpty();
            }
        }
    }

    /**
     * Asserts that {@code sdp}, which the broker sent one browser, is the broker's: WebRTC with ICE-lite, its one host
     * candidate on the muxed port as the only candidate, video still on, and none of the other browser's ICE
     * credentials or DTLS fingerprint (from {@code otherBrowsersSdp}): the browsers never learn of each other.
     */
    private org.assertj.core.api.AbstractStringAssert<?> namesOnlyTheBroker(
            String description, String sdp, String otherBrowsersSdp) {
        List<String> candidates =
                sdp.lines().filter(l -> l.startsWith("a=candidate:")).toList();
        assertThat(candidates).as(description + ": candidates").isNotEmpty().allSatisfy(line -> assertThat(line)
                .contains("127.0.0.1 " + muxPort() + " typ host"));
        assertThat(sdp)
                .as(description + " does not carry the other browser's ICE credentials or fingerprint")
                .doesNotContain(first(UFRAG, otherBrowsersSdp))
                .doesNotContain(first(FINGERPRINT, otherBrowsersSdp));
        return assertThat(sdp)
                .as(description)
                .contains("UDP/TLS/RTP/SAVPF")
                .contains("a=ice-lite")
                .containsPattern("(?m)^m=audio [1-9]")
                .containsPattern("(?m)^m=video [1-9]");
    }

    /**
     * Waits until {@code who}'s page shows media both ways through the broker: DTLS connected, audio in with a level
     * above 0, video frames decoded (or packets in with a frame width), on a pair that ends on the broker's muxed port.
     */
    private JsonNode mediaFlows(String who, ClientCallBrowser browser) {
        Predicate<JsonNode> videoIn =
                stats -> stats.path("inboundVideo").path("framesDecoded").asLong() > 0
                        || (stats.path("inboundVideo").path("packetsReceived").asLong() > 0
                                && stats.path("inboundVideo").path("frameWidth").asInt() > 0);
        JsonNode stats = browser.awaitStats(
                who + " hears and sees the other side: DTLS connected, audio packets with a level above 0, video"
                        + " frames decoded",
                s -> s.path("transport").path("dtlsState").asText().equals("connected")
                        && s.path("inbound").path("packetsReceived").asLong() > 0
                        && s.path("maxAudioLevel").asDouble() > 0
                        && videoIn.test(s));
        assertThat(stats.path("selectedPair").path("remote").path("port").asInt())
                .as(who + "'s selected pair ends on the broker's muxed port")
                .isEqualTo(muxPort());
        assertThat(stats.path("selectedPair").path("remote").path("address").asText())
                .as(who + "'s selected pair ends on the broker's address")
                .isEqualTo("127.0.0.1");
        return stats;
    }

    @AfterEach
    void nothingLeaked() {
        await("no call, SIP leg, client session, media bridge or WebRTC session left")
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> {
                    assertThat(b2bua.activeCallIds()).as("calls").isEmpty();
                    assertThat(sip.legs().all()).as("SIP legs").isEmpty();
                    assertThat(sessions.sessionCount()).as("client sessions").isZero();
                    assertThat(sessions.legCount()).as("client legs").isZero();
                    assertThat(bridges.getObject().openCount())
                            .as("media bridges")
                            .isZero();
                    assertThat(meters.find("liaison.media.mux.sessions").gauges())
                            .as("WebRTC sessions on the muxed port")
                            .allSatisfy(gauge -> assertThat(gauge.value()).isZero());
                });
        assertThat(browsers).as("Chromium stopped, profile deleted").allMatch(ClientCallBrowser::closed);
    }

    private String token(String subject, Set<String> destinations) {
        return tokens.issue(subject, "acme", destinations, Set.of(), Duration.ofMinutes(5));
    }

    private static String first(Pattern pattern, String sdp) {
        Matcher matcher = pattern.matcher(sdp);
        assertThat(matcher.find()).as(pattern + " in " + sdp).isTrue();
        return matcher.group(1);
    }

    /** The port the broker's muxed UDP socket bound (the test asks for any free one). */
    private int muxPort() {
        return broker.resources().mux().localAddress().getPort();
    }
}
