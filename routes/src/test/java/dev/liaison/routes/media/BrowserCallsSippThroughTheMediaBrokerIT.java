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
import dev.liaison.gateway.sip.Sipp;
import dev.liaison.media.bridge.MediaBridges;
import dev.liaison.media.config.MediaBroker;
import dev.liaison.routes.media.ClientCallBrowser.Codec;
import dev.liaison.routes.support.FreeUdpPorts;
import dev.liaison.routes.support.LiaisonIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The media broker end to end (issue 5): a customer's browser (headless Chromium with a fake microphone, the page
 * {@code client-call.html}) calls {@code pbx} on {@code /ws/client}; the dial plan sends the call through the SIP
 * trunk to SIPp; the broker terminates the browser's ICE-lite/DTLS-SRTP on its one muxed port and relays plain RTP
 * to SIPp, which answers with PCMU and echoes every RTP packet back. The browser hearing audio (getStats: inbound
 * packets and an audio level above zero, DTLS connected) is audio both ways through the broker: browser to broker to
 * SIPp and back. An {@link RtpTap} in front of SIPp's echo port shows the SIP side directly: the packets SIPp
 * received and returned, and their payload type (PCMU). Two ways: Opus in the browser transcoded to G.711 for the
 * phone, and PCMU end to end relayed without transcoding. Each call ends with no call, SIP leg, dialog, client
 * session, bridge or Chromium process left.
 */
@LiaisonIntegrationTest
// On the class, not on each test: JUnit would otherwise boot an application for two skipped tests.
class BrowserCallsSippThroughTheMediaBrokerIT {

    private static final int PBX_PORT = freePort();
    private static final int RTP_PORT_MIN = FreeUdpPorts.evenRange(40);
    private static final int PCMU = 0;

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        registry.add("liaison.dial-plan.destinations.pbx", () -> "sip:service@127.0.0.1:" + PBX_PORT);
        registry.add("liaison.gateway.calls.allowed-sip-targets", () -> "sip:service@127\\.0\\.0\\.1:\\d+");
        registry.add("liaison.sip.trunk-peers", () -> "127.0.0.1");
        // Everything on loopback: the broker's only host candidate is 127.0.0.1, so Chromium pairs its loopback one.
        registry.add("liaison.media.enabled", () -> "true");
        registry.add("liaison.media.mux.bind-address", () -> "127.0.0.1");
        registry.add("liaison.media.mux.port", () -> 0);
        registry.add("liaison.media.rtp.bind-address", () -> "127.0.0.1");
        registry.add("liaison.media.rtp.port-min", () -> RTP_PORT_MIN);
        registry.add("liaison.media.rtp.port-max", () -> RTP_PORT_MIN + 39);
        registry.add("liaison.media.rtp.max-legs", () -> 20);
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
    private final List<EchoingPhone> phones = new ArrayList<>();

    @Test
    void opusInTheBrowserIsTranscodedToPcmuForThePhone() throws Exception {
        Call call = callThePhoneThroughTheBroker(Codec.OPUS);

        // The browser could only send Opus, the phone was only offered G.711 and sent PCMU: the broker transcoded.
        assertThat(call.offer).contains("opus/48000").doesNotContain("PCMU").doesNotContain("PCMA");
        assertThat(call.phoneOffer).doesNotContainIgnoringCase("opus");
        brokerTranscoded(call.before, true);
    }

    @Test
    void pcmuEndToEndIsRelayedWithoutTranscoding() throws Exception {
        Call call = callThePhoneThroughTheBroker(Codec.PCMU);

        assertThat(call.offer).contains("PCMU/8000").doesNotContainIgnoringCase("opus");
        assertThat(call.answer).contains("PCMU/8000").doesNotContainIgnoringCase("opus");
        brokerTranscoded(call.before, false);
    }

    /** What one call showed, for the codec-specific assertions. */
    private record Call(String offer, String answer, String phoneOffer, BrokerMeters before) {}

    /**
     * The browser calls {@code pbx} offering only {@code codec}; SIPp answers PCMU and echoes. Asserts the answer is the
     * broker's, audio flows both ways as Chromium sees it, SIPp received and returned PCMU, then hangs up and ends the
     * session.
     */
    private Call callThePhoneThroughTheBroker(Codec codec) throws Exception {
        assertThat(mediaPort.getIfAvailable())
                .as("the application's media port, the real broker")
                .isNotNull()
                .isNotInstanceOf(PassThroughMediaPort.class);
        BrokerMeters before = BrokerMeters.read(meters);
        try (EchoingPhone phone = EchoingPhone.answeringOn(PBX_PORT);
                ClientCallBrowser browser =
                        ClientCallBrowser.call("ws://127.0.0.1:" + httpPort + "/ws/client", token(), "pbx", codec)) {
            phones.add(phone);
            browsers.add(browser);

            String answer = browser.nextMessage("answered").path("sdp").asText();
            assertThat(answer)
                    .as("the broker's ICE-lite answer, its one host candidate on the muxed port")
                    .contains("UDP/TLS/RTP/SAVPF")
                    .contains("a=ice-lite")
                    .contains("a=setup:passive")
                    .contains("127.0.0.1 " + muxPort() + " typ host");

            JsonNode flowing;
            try {
                flowing = browser.awaitStats(
                        "audio both ways: DTLS connected, packets sent, packets received with an audio level above 0",
                        stats -> stats.path("transport")
                                        .path("dtlsState")
                                        .asText()
                                        .equals("connected")
                                && stats.path("outbound").path("packetsSent").asLong() > 0
                                && stats.path("inbound").path("packetsReceived").asLong() > 0
                                && stats.path("maxAudioLevel").asDouble() > 0);
            } catch (AssertionError e) {
                // Where the audio stopped: the SIP side as the tap saw it.
                throw new AssertionError(e.getMessage() + "\n" + phone.tap, e);
            }
            assertThat(flowing.path("inbound").path("codec").asText()).isEqualToIgnoringCase(codec.mimeType);
            assertThat(flowing.path("outbound").path("codec").asText()).isEqualToIgnoringCase(codec.mimeType);
            assertThat(flowing.path("selectedPair").path("remote").path("port").asInt())
                    .as("Chromium's selected pair ends on the broker's muxed port")
                    .isEqualTo(muxPort());

            await("SIPp received RTP and sent it back: " + phone.tap)
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> phone.tap.fromPhone().packets() > 0);
            assertThat(phone.tap.towardsPhone().payloadTypeSet())
                    .as("RTP payload types towards the phone: " + phone.tap)
                    .containsOnly(PCMU);
            brokerCarriedMedia(before);

            browser.hangUp();
            assertThat(browser.nextMessage("ended").path("reason").asText()).isEqualTo("normal");
            phone.sipp.assertScenarioCompleted();
            String phoneOffer = phone.sipp.received("INVITE").get(0);
            assertThat(phoneOffer)
                    .as("the broker offers the phone plain RTP with G.711")
                    .contains("RTP/AVP")
                    .doesNotContain("SAVPF")
                    .contains("PCMU/8000");

            browser.endSession();
            assertThat(browser.nextMessage("session-ended").path("reason").asText())
                    .isEqualTo("ended-by-client");
            assertThat(browser.failures()).as("failures on the page").isEmpty();
            return new Call(browser.offer(), answer, phoneOffer, before);
        }
    }

    /**
     * The broker's own view of the call, from its meters (deltas since {@code before}): the browser's SRTP reached the
     * muxed port and one DTLS handshake succeeded.
     */
    private void brokerCarriedMedia(BrokerMeters before) {
        BrokerMeters now = BrokerMeters.read(meters);
        assertThat(now.muxRtp() - before.muxRtp())
                .as("RTP/RTCP datagrams the muxed port received")
                .isPositive();
        assertThat(now.dtlsHandshakesSucceeded() - before.dtlsHandshakesSucceeded())
                .as("DTLS handshakes that succeeded")
                .isPositive();
    }

    /**
     * Whether the broker transcoded the call, from its meters. The end-to-end evidence does not depend on it (Opus from
     * the browser, PCMU at the phone), but the broker must agree.
     */
    private void brokerTranscoded(BrokerMeters before, boolean expected) {
        BrokerMeters now = BrokerMeters.read(meters);
        if (expected) {
            assertThat(now.transcoded() - before.transcoded())
                    .as("packets the bridge transcoded")
                    .isPositive();
        } else {
            assertThat(now.transcoded() - before.transcoded())
                    .as("packets the bridge transcoded on a pass-through call")
                    .isZero();
            assertThat(now.passedThrough() - before.passedThrough())
                    .as("packets the bridge relayed as they were")
                    .isPositive();
            assertThat(now.transcoderEvents() - before.transcoderEvents())
                    .as("transcoder drops and concealments on a pass-through call")
                    .isZero();
        }
    }

    @AfterEach
    void nothingLeaked() throws InterruptedException {
        await("no call, SIP leg, dialog, client session or media bridge left")
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> {
                    assertThat(b2bua.activeCallIds()).as("calls").isEmpty();
                    assertThat(sip.legs().all()).as("SIP legs").isEmpty();
                    assertThat(sip.stack().orElseThrow().getDialogs())
                            .as("SIP dialogs")
                            .isEmpty();
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
        assertThat(phones).as("SIPp stopped, RTP tap closed").allMatch(EchoingPhone::closed);
    }

    private String token() {
        return tokens.issue("visitor-1", "acme", Set.of("pbx"), Set.of(), Duration.ofMinutes(5));
    }

    /** The port the broker's muxed UDP socket bound (the test asks for any free one). */
    private int muxPort() {
        return broker.resources().mux().localAddress().getPort();
    }

    private static int freePort() {
        try {
            return Sipp.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
