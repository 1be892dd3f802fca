package dev.liaison.routes.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liaison.gateway.call.B2bua;
import dev.liaison.gateway.call.CallEvent;
import dev.liaison.gateway.call.LegKind;
import dev.liaison.gateway.client.protocol.ProtocolSchemas;
import dev.liaison.gateway.client.session.ClientSessionRegistry;
import dev.liaison.gateway.client.token.ClientTokenIssuer;
import dev.liaison.gateway.sip.SipStackHost;
import dev.liaison.gateway.sip.Sipp;
import dev.liaison.media.bridge.MediaBridges;
import dev.liaison.media.codec.TelephoneEvent;
import dev.liaison.routes.media.ClientCallBrowser.Codec;
import dev.liaison.routes.support.FreeUdpPorts;
import dev.liaison.routes.support.LiaisonIntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * DTMF from a phone reaches the browser and the routes: headless Chromium ({@code client-call.html}, Opus only) calls
 * {@code pbx}; SIPp answers PCMU with telephone-event/8000 on payload type 101 and echoes RTP. From the phone's address
 * (the {@link RtpTap} in front of SIPp) the test sends RFC 4733 keys into the call as a phone does: {@code 4}, {@code #}
 * and {@code 4} again, each with updates every 50 ms and its end packet three times, then {@code 7} whose end packets
 * are lost. The broker relays them in the media and reads them: the browser gets one server {@code dtmf} message per key
 * (matching the published schema) and a Camel route on {@code gateway:calls?events=call.dtmf} sees exactly one
 * {@code call.dtmf} per key, from the SIP side, in order; the retransmitted end packets count for nothing. Ends with no
 * call, leg, dialog, session, bridge or process left.
 */
@LiaisonIntegrationTest
class PhoneDtmfReachesTheBrowserAndTheRoutesIT {

    private static final int PBX_PORT = freePort();
    private static final int RTP_PORT_MIN = FreeUdpPorts.evenRange(40);
    private static final int PHONE_EVENT = 101;
    private static final long PHONE_SSRC = 0x0D7F_0001L;

    /** What the test route saw, in order. */
    static final List<CallEvent.Dtmf> ROUTED = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class DtmfRoute {
        /** An IVR's view: every call.dtmf the gateway publishes, as a route gets it. */
        @Bean
        RouteBuilder collectDtmf() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("gateway:calls?events=call.dtmf")
                            .routeId("test-collect-dtmf")
                            .process(e -> ROUTED.add(e.getIn().getBody(CallEvent.Dtmf.class)));
                }
            };
        }
    }

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        registry.add("liaison.dial-plan.destinations.pbx", () -> "sip:service@127.0.0.1:" + PBX_PORT);
        registry.add("liaison.gateway.calls.allowed-sip-targets", () -> "sip:service@127\\.0\\.0\\.1:\\d+");
        registry.add("liaison.sip.trunk-peers", () -> "127.0.0.1");
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
    ObjectProvider<MediaBridges> bridges;

    @Autowired
    MeterRegistry meters;

    private final List<ClientCallBrowser> browsers = new ArrayList<>();
    private final List<EchoingPhone> phones = new ArrayList<>();
    private int sequence = 1000;

    @BeforeEach
    void noDtmfYet() {
        ROUTED.clear();
    }

    @Test
    void keysThePhoneSendsAsTelephoneEventsReachTheBrowserAndTheRoutesOnceEach() throws Exception {
        double detectedBefore = received("detected");
        double lostBefore = received("end-lost");
        try (EchoingPhone phone = EchoingPhone.answeringOn(PBX_PORT, "uas-answer-echo-rtp-events.xml");
                ClientCallBrowser browser = ClientCallBrowser.call(
                        "ws://127.0.0.1:" + httpPort + "/ws/client", token(), "pbx", Codec.OPUS)) {
            phones.add(phone);
            browsers.add(browser);
            browser.nextMessage("answered");
            await("the broker sends the phone audio, so the tap knows where to send: " + phone.tap)
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> phone.tap.towardsPhone().packets() > 0);

            long ts = 160_000;
            pressKey(phone.tap, 4, ts, 800, true);
            pressKey(phone.tap, 11, ts += 2400, 1200, true);
            pressKey(phone.tap, 4, ts += 2400, 800, true);
            pressKey(phone.tap, 7, ts += 2400, 800, false); // its end packets lost: heard after the timeout

            List<JsonNode> messages = await("the browser shows the four keys: " + browser.received())
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> dtmfMessages(browser), m -> m.size() >= 4);
            assertThat(messages)
                    .extracting(m -> m.path("digits").asText())
                    .as("one server dtmf message per key, in the order pressed")
                    .containsExactly("4", "#", "4", "7");
            ProtocolSchemas schemas = new ProtocolSchemas();
            for (JsonNode m : messages) {
                schemas.validateServerMessage("dtmf", m);
            }
            assertThat(messages)
                    .extracting(m -> m.path("durationMs").asInt())
                    .as("durations from the end packets (800 and 1200 units at 8 kHz); the last key's from its updates")
                    .containsExactly(100, 150, 100, 50);
            await("the route saw the four keys").atMost(Duration.ofSeconds(10)).until(() -> ROUTED.size() >= 4);

            browser.hangUp();
            assertThat(browser.nextMessage("ended").path("reason").asText()).isEqualTo("normal");
            phone.sipp.assertScenarioCompleted();
            assertThat(ROUTED)
                    .extracting(CallEvent.Dtmf::digit)
                    .as("exactly one call.dtmf per key, in order, the retransmitted end packets ignored")
                    .containsExactly('4', '#', '4', '7');
            assertThat(ROUTED).extracting(CallEvent.Dtmf::side).containsOnly(LegKind.SIP);
            assertThat(dtmfMessages(browser)).as("no second message for a key").hasSize(4);
            assertThat(received("detected") - detectedBefore).isEqualTo(3);
            assertThat(received("end-lost") - lostBefore).isEqualTo(1);
            browser.endSession();
            assertThat(browser.nextMessage("session-ended").path("reason").asText())
                    .isEqualTo("ended-by-client");
            assertThat(browser.failures()).as("failures on the page").isEmpty();
        }
    }

    /** One key as a phone sends it: updates every 50 ms of the duration, then (unless lost) the end three times. */
    private void pressKey(RtpTap tap, int code, long timestamp, int duration, boolean withEnd) throws IOException {
        boolean first = true;
        for (int d = 400; d < duration; d += 400) {
            tap.sendTowardsBroker(packet(first, timestamp, new TelephoneEvent(code, false, 10, d)));
            first = false;
        }
        if (withEnd) {
            for (int i = 0; i < 3; i++) {
                tap.sendTowardsBroker(packet(false, timestamp, new TelephoneEvent(code, true, 10, duration)));
            }
        }
    }

    private byte[] packet(boolean marker, long timestamp, TelephoneEvent event) {
        byte[] payload = event.encode();
        ByteBuffer b = ByteBuffer.allocate(12 + payload.length);
        b.put((byte) 0x80);
        b.put((byte) ((marker ? 0x80 : 0) | PHONE_EVENT));
        b.putShort((short) sequence++);
        b.putInt((int) timestamp);
        b.putInt((int) PHONE_SSRC);
        b.put(payload);
        return b.array();
    }

    private static List<JsonNode> dtmfMessages(ClientCallBrowser browser) {
        return browser.received().stream()
                .filter(m -> m.path("type").asText().equals("dtmf"))
                .toList();
    }

    private double received(String outcome) {
        return meters.find("liaison.media.bridge.dtmf.received").tag("outcome", outcome).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    @AfterEach
    void nothingLeaked() {
        await("no call, SIP leg, dialog, client session or media bridge left")
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> {
                    assertThat(b2bua.activeCallIds()).as("calls").isEmpty();
                    assertThat(b2bua.qualityReporter().watching())
                            .as("calls watched for quality")
                            .isZero();
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

    private static int freePort() {
        try {
            return Sipp.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
