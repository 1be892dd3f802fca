package dev.liaison.routes.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liaison.gateway.call.B2bua;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * DTMF from a browser reaches a phone inside the media (RFC 4733): headless Chromium (the page {@code client-call.html},
 * Opus only) calls {@code pbx} on {@code /ws/client}; the trunk calls SIPp, which answers PCMU with telephone-event/8000
 * on payload type 101 ({@code uas-answer-echo-rtp-events.xml}) and echoes RTP; the browser sends {@code dtmf} messages
 * over the client protocol. At the {@link RtpTap} in front of SIPp the digits arrive as telephone-event packets of the
 * broker's audio stream: payload type 101, one timestamp per event, the marker on the first packet, durations growing
 * by 50 ms (400 at 8 kHz) and the end packet three times with the full duration, the events in the order typed. The
 * browser meanwhile receives {@code quality} messages with {@code source: "broker"} that match the published schema,
 * count the packets and jitter of both legs and, once its RTCP reports came back, its round-trip time. Ends with no
 * call, leg, dialog, session, bridge, quality watch or process left.
 */
@LiaisonIntegrationTest
class BrowserDtmfReachesThePhoneAsTelephoneEventsIT {

    private static final int PBX_PORT = freePort();
    private static final int RTP_PORT_MIN = FreeUdpPorts.evenRange(40);
    private static final int PCMU = 0;
    private static final int PHONE_EVENT = 101;

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
        // Reports every second, so a call of a few seconds sees several.
        registry.add("liaison.gateway.calls.quality.report-interval", () -> "1s");
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

    @Test
    void digitsTypedInTheBrowserArriveAtThePhoneAsTelephoneEventsAndTheBrowserHearsTheBrokersQuality()
            throws Exception {
        double dtmfPacketsBefore = sum("liaison.media.bridge.dtmf.packets");
        try (EchoingPhone phone = EchoingPhone.answeringOn(PBX_PORT, "uas-answer-echo-rtp-events.xml");
                ClientCallBrowser browser = ClientCallBrowser.call(
                        "ws://127.0.0.1:" + httpPort + "/ws/client", token(), "pbx", Codec.OPUS)) {
            phones.add(phone);
            browsers.add(browser);
            browser.nextMessage("answered");
            await("SIPp received the broker's audio and returned it: " + phone.tap)
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> phone.tap.fromPhone().packets() > 0);

            browser.sendDtmf("1*9", 120);
            browser.sendDtmf("#", 200);

            Map<Long, List<RtpTap.Packet>> events = awaitEvents(phone, 4);
            List<Long> timestamps = new ArrayList<>(events.keySet());
            List<Integer> codes = new ArrayList<>();
            for (int i = 0; i < timestamps.size(); i++) {
                List<RtpTap.Packet> event = events.get(timestamps.get(i));
                int durationMs = i < 3 ? 120 : 200;
                codes.add(assertOneEvent(event, durationMs * 8, phone.tap));
                if (i > 0) {
                    assertThat(timestamps.get(i) - timestamps.get(i - 1))
                            .as("each event starts later on the stream's timeline than the one before")
                            .isPositive();
                }
            }
            assertThat(codes).as("the events in the order typed: 1 * 9 #").containsExactly(1, 10, 9, 11);
            assertTheEventsAreInTheBrokersAudioStream(phone.tap);
            assertThat(sum("liaison.media.bridge.dtmf.packets") - dtmfPacketsBefore)
                    .as("telephone-event packets the broker generated")
                    .isEqualTo(3 * (2 + 3) + (3 + 3)); // 120 ms: 2 updates + 3 ends; 200 ms: 3 + 3

            JsonNode quality = awaitBrokerQuality(browser);
            new ProtocolSchemas().validateServerMessage("quality", quality);
            assertThat(quality.path("source").asText()).isEqualTo("broker");
            JsonNode self = leg(quality, "self");
            JsonNode peer = leg(quality, "peer");
            assertThat(self.path("kind").asText()).isEqualTo("client");
            assertThat(peer.path("kind").asText()).isEqualTo("sip");
            assertThat(self.path("packetsSent").asLong())
                    .as("the broker sent the browser the phone's echo")
                    .isPositive();
            assertThat(peer.path("packetsSent").asLong())
                    .as("the broker sent the phone audio and the events")
                    .isPositive();
            assertThat(self.path("jitterMs").asDouble())
                    .as("the broker measures the browser's jitter")
                    .isGreaterThanOrEqualTo(0);
            assertThat(self.path("packetsLost").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(peer.path("jitterMs").asDouble()).as("and the phone's").isGreaterThanOrEqualTo(0);
            JsonNode withRoundTrip = awaitQuality(
                    browser,
                    "a broker quality message with the browser's round-trip time (from its RTCP receiver reports)",
                    m -> leg(m, "self").path("rttMs").asDouble() > 0);
            assertThat(leg(withRoundTrip, "self").path("rttMs").asDouble())
                    .as("loopback: well under a second")
                    .isLessThan(1000);
            assertThat(sum("liaison.gateway.calls.media.packets.received"))
                    .as("the broker's counters in the gateway's meters")
                    .isPositive();

            browser.hangUp();
            assertThat(browser.nextMessage("ended").path("reason").asText()).isEqualTo("normal");
            phone.sipp.assertScenarioCompleted();
            assertThat(phone.sipp.received("INVITE").get(0))
                    .as("the broker offers the phone telephone-event")
                    .contains("telephone-event/8000");
            assertThat(phone.sipp.receivedCount("INFO"))
                    .as("no digit went out of band")
                    .isZero();
            browser.endSession();
            assertThat(browser.nextMessage("session-ended").path("reason").asText())
                    .isEqualTo("ended-by-client");
            assertThat(browser.failures()).as("failures on the page").isEmpty();
        }
    }

    /**
     * The telephone-event packets towards the phone, grouped by event (timestamp) in the order they started, once
     * {@code count} events have sent their third end packet.
     */
    private static Map<Long, List<RtpTap.Packet>> awaitEvents(EchoingPhone phone, int count) {
        return await("the phone received " + count + " complete telephone events: " + phone.tap)
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> events(phone.tap),
                        events -> events.size() >= count
                                && events.values().stream().allMatch(e -> endPackets(e) >= 3));
    }

    private static Map<Long, List<RtpTap.Packet>> events(RtpTap tap) {
        Map<Long, List<RtpTap.Packet>> events = new LinkedHashMap<>();
        for (RtpTap.Packet p : tap.towardsPhone().rtpPackets()) {
            if (p.payloadType() == PHONE_EVENT) {
                events.computeIfAbsent(p.timestamp(), t -> new ArrayList<>()).add(p);
            }
        }
        return events;
    }

    private static long endPackets(List<RtpTap.Packet> event) {
        return event.stream()
                .filter(p -> TelephoneEvent.decode(p.payload()).end())
                .count();
    }

    /** One RFC 4733 event: marker first, updates every 50 ms, three end packets with the whole duration. */
    private static int assertOneEvent(List<RtpTap.Packet> event, int duration, RtpTap tap) {
        List<TelephoneEvent> decoded =
                event.stream().map(p -> TelephoneEvent.decode(p.payload())).toList();
        assertThat(event.get(0).marker())
                .as("the marker on the first packet of the event " + decoded)
                .isTrue();
        assertThat(event.subList(1, event.size())).as("no marker on the others").noneMatch(RtpTap.Packet::marker);
        assertThat(decoded)
                .extracting(TelephoneEvent::event)
                .as("one key per event")
                .hasSize(event.size());
        assertThat(new HashSet<>(decoded.stream().map(TelephoneEvent::event).toList()))
                .hasSize(1);
        List<TelephoneEvent> updates = decoded.stream().filter(e -> !e.end()).toList();
        List<TelephoneEvent> ends = decoded.stream().filter(TelephoneEvent::end).toList();
        assertThat(ends)
                .as("the end packet three times, with the whole duration")
                .hasSize(3);
        assertThat(ends).extracting(TelephoneEvent::duration).containsOnly(duration);
        assertThat(decoded.subList(decoded.size() - 3, decoded.size()))
                .as("the end packets last")
                .allMatch(TelephoneEvent::end);
        List<Integer> expectedUpdates = new ArrayList<>();
        for (int d = 400; d < duration; d += 400) {
            expectedUpdates.add(d);
        }
        assertThat(updates)
                .extracting(TelephoneEvent::duration)
                .as("an update every 50 ms (400 at 8 kHz) while the key is down: " + tap)
                .containsExactlyElementsOf(expectedUpdates);
        return decoded.get(0).event();
    }

    /** Same SSRC as the audio towards the phone, and no sequence number used twice in that stream. */
    private static void assertTheEventsAreInTheBrokersAudioStream(RtpTap tap) {
        List<RtpTap.Packet> packets = tap.towardsPhone().rtpPackets();
        Set<Long> audioSsrcs = new HashSet<>();
        Set<Long> eventSsrcs = new HashSet<>();
        Set<Integer> sequences = new HashSet<>();
        for (RtpTap.Packet p : packets) {
            (p.payloadType() == PHONE_EVENT ? eventSsrcs : audioSsrcs).add(p.ssrc());
            assertThat(p.payloadType()).isIn(PCMU, PHONE_EVENT);
            assertThat(sequences.add(p.sequence()))
                    .as("sequence number " + p.sequence() + " used once")
                    .isTrue();
        }
        assertThat(eventSsrcs).as("the events ride the broker's audio stream").isEqualTo(audioSsrcs);
    }

    /** A {@code quality} message from the broker that has counted packets and measured jitter on both legs. */
    private static JsonNode awaitBrokerQuality(ClientCallBrowser browser) {
        return awaitQuality(
                browser,
                "a broker quality message counting packets and jitter on both legs",
                m -> leg(m, "self").path("packetsReceived").asLong() > 0
                        && leg(m, "peer").path("packetsReceived").asLong() > 0
                        && leg(m, "self").path("jitterMs").asDouble() >= 0
                        && leg(m, "peer").path("jitterMs").asDouble() >= 0);
    }

    /** The latest {@code quality} message the page received that satisfies {@code condition}, waiting up to 30 s. */
    private static JsonNode awaitQuality(ClientCallBrowser browser, String description, Predicate<JsonNode> condition) {
        return await(description)
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> browser.received().stream()
                                .filter(m -> m.path("type").asText().equals("quality"))
                                .filter(condition)
                                .reduce((first, second) -> second),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static JsonNode leg(JsonNode quality, String name) {
        for (JsonNode leg : quality.path("legs")) {
            if (leg.path("leg").asText().equals(name)) {
                return leg;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private double sum(String counter) {
        return meters.find(counter).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    @AfterEach
    void nothingLeaked() {
        await("no call, SIP leg, dialog, client session, media bridge or quality watch left")
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
