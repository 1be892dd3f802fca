package dev.liaison.media.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.liaison.media.dtls.DtlsCertificateService;
import dev.liaison.media.dtls.DtlsSettings;
import dev.liaison.media.leg.LegEndReason;
import dev.liaison.media.leg.LegListener;
import dev.liaison.media.leg.LegStatistics;
import dev.liaison.media.leg.MediaLeg;
import dev.liaison.media.sdp.IceLiteAnswerBuilder;
import dev.liaison.media.sdp.MediaDescription;
import dev.liaison.media.sdp.RtpMap;
import dev.liaison.media.sdp.SdpParser;
import dev.liaison.media.sdp.SdpWriter;
import dev.liaison.media.sdp.SessionDescription;
import dev.liaison.media.transport.MuxSettings;
import dev.liaison.media.transport.UdpMux;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real headless Chromium connects to a WebRTC leg on the muxed port: ICE-lite, DTLS (the broker passive, DTLS 1.2),
 * SRTP both ways. The test page sends its offer to a loopback HTTP server that answers for the leg with {@link
 * IceLiteAnswerBuilder}; the leg's listener echoes every RTP packet back with another SSRC, and the page reports from
 * {@code getStats()} that it received and decoded audio. The leg and the browser exchange RTCP over SRTCP: the leg
 * measures jitter from the browser's packets and the round-trip time from the browser's receiver reports about the
 * leg's sender reports, and the browser reads the leg's reports (its {@code remote-inbound-rtp} round trip comes from
 * the leg's report blocks, its {@code remote-outbound-rtp} from the leg's SRs).
 */
class ChromiumConnectsToTheMediaPortIT {
    private static final int ECHO_AUDIO_SSRC = 0x5EED0001;
    private static final int ECHO_VIDEO_SSRC = 0x5EED0002;
    private static final List<RtpMap> SUPPORTED = List.of(
            new RtpMap(111, "opus", 48000, 2, "minptime=10;useinbandfec=1"), new RtpMap(96, "VP8", 90000, 1, ""));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final UdpMux mux = new UdpMux(
            new MuxSettings(new InetSocketAddress("127.0.0.1", 0), Duration.ofSeconds(30), 64, 10),
            Clock.systemUTC(),
            registry);
    // reports every second (randomised), not the default five, so the exchange is seen in a few seconds
    private final WebRtcLegs legs = new WebRtcLegs(
            mux,
            new DtlsCertificateService(Clock.systemUTC(), Duration.ofDays(1)),
            DtlsSettings.defaults(),
            registry,
            Clock.systemUTC(),
            WebRtcLegs.DEFAULT_HANDSHAKE_THREADS,
            Duration.ofSeconds(1));
    private final WebRtcLeg leg = (WebRtcLeg) legs.open("chromium-it");
    private final Echo echo = new Echo();
    private final AtomicReference<String> stats = new AtomicReference<>("{}");
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final Map<String, Integer> videoPayloadTypes = new ConcurrentHashMap<>();
    private HttpServer server;

    @AfterEach
    void noLeak() {
        if (server != null) {
            server.stop(0);
        }
        legs.close();
        assertThat(legs.openCount()).isZero();
        assertThat(mux.sessionCount()).isZero();
        mux.close();
    }

    @Test
    void chromiumConnectsAndHearsItsOwnAudioEchoedBySrtp() throws Exception {
        runCall(false, chromium -> {});
    }

    @Test
    void chromiumOfferingAudioAndVideoWithBundleConnectsOnTheOnePort() throws Exception {
        runCall(true, chromium -> {});
    }

    @Test
    void chromiumAndTheLegExchangeReportsSoBothKnowJitterAndRoundTrip() throws Exception {
        runCall(false, chromium -> {
            // Chromium answers the leg's SR about the echoed stream with a report block: the leg's round trip
            await().atMost(Duration.ofSeconds(30)).until(() -> leg.statistics().roundTripMillis() >= 0);
            // and reads the leg's RR about its own stream (LSR/DLSR of its SR) and the leg's SRs
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> number("audioRemoteInboundReports") > 0 && number("audioRemoteOutboundReports") > 0);
        });
        LegStatistics stats = leg.statistics();
        // Loopback, but on a loaded machine: the bounds only catch wrong units (1/65536 s, clock rates).
        assertThat(stats.packetsReceived()).as("%s", stats).isPositive();
        assertThat(stats.jitterMillis()).as("%s", stats).isBetween(0.0, 1000.0);
        assertThat(stats.roundTripMillis()).as("%s", stats).isBetween(0.0, 5000.0);
        assertThat(stats.packetsLost()).as("%s", stats).isBetween(0L, stats.packetsReceived());
        // Chromium's own figure from the leg's LSR/DLSR; it also counts Chromium's delay in sending its SR
        assertThat(number("audioRemoteInboundRoundTrip")).as(stats.toString()).isBetween(0.0, 5.0);
        assertThat(registry.counter("liaison.media.webrtc.rtcp.reports").count())
                .isPositive();
        assertThat(registry.counter("liaison.media.webrtc.dropped", "direction", "received", "reason", "malformed_rtcp")
                        .count())
                .as("Chromium's RTCP parses")
                .isZero();
    }

    /** What a test checks while the call is up. */
    private interface DuringCall {
        void check(HeadlessChromium chromium) throws Exception;
    }

    private void runCall(boolean video, DuringCall during) throws Exception {
        leg.listen(echo);
        server = startServer();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/page.html" + (video ? "?video=1" : "");
        try (HeadlessChromium chromium = HeadlessChromium.open(url, video ? "audio-video" : "audio")) {
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> leg.dtlsConnected() || !chromium.alive());
                assertThat(leg.dtlsConnected())
                        .as("DTLS connected; page events %s", events)
                        .isTrue();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> number("audioPacketsReceived") > 0 && number("audioLevel") > 0);
                if (video) {
                    // the echoed VP8 on the same bundled transport, demuxed by payload type
                    await().atMost(Duration.ofSeconds(30)).until(() -> number("videoPacketsReceived") > 0);
                }
                during.check(chromium);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(
                        "page events " + events + ", last stats " + stats.get() + ", chromium log " + chromium.log()
                                + ":\n" + tail(chromium),
                        e);
            }
            assertThat(echo.received.get()).isPositive();
            assertThat(leg.statistics().packetsReceived()).isPositive();
            assertThat(leg.statistics().packetsSent()).isPositive();
            assertThat(leg.ready()).isTrue();
            assertThat(text("dtlsState")).isEqualTo("connected");
            assertThat(text("dtlsRole")).isEqualTo("client");
            assertThat(echo.ended).isEmpty();
        }
    }

    /** Echoes each inbound RTP packet with the SSRC rewritten (the browser would drop its own SSRC as a loop). */
    private final class Echo implements LegListener {
        final AtomicInteger received = new AtomicInteger();
        final BlockingQueue<LegEndReason> ended = new LinkedBlockingQueue<>();

        @Override
        public void rtp(MediaLeg from, byte[] packet, int length) {
            received.incrementAndGet();
            byte[] copy = Arrays.copyOf(packet, length);
            int payloadType = copy[1] & 0x7F;
            int ssrc = videoPayloadTypes.containsValue(payloadType) ? ECHO_VIDEO_SSRC : ECHO_AUDIO_SSRC;
            copy[8] = (byte) (ssrc >> 24);
            copy[9] = (byte) (ssrc >> 16);
            copy[10] = (byte) (ssrc >> 8);
            copy[11] = (byte) ssrc;
            from.sendRtp(copy, length);
        }

        @Override
        public void rtcp(MediaLeg from, byte[] packet, int length) {
            // Chromium's sender and receiver reports need no answer for this test.
        }

        @Override
        public void ended(MediaLeg leg, LegEndReason reason) {
            ended.add(reason);
        }
    }

    private HttpServer startServer() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/page.html", exchange -> {
            try (InputStream page = getClass().getResourceAsStream("/webrtc/echo-page.html")) {
                respond(exchange, 200, "text/html", page.readAllBytes());
            }
        });
        http.createContext("/offer", exchange -> {
            String offer = body(exchange);
            try {
                respond(exchange, 200, "application/sdp", answer(offer).getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                events.add("answer failed: " + e);
                respond(exchange, 500, "text/plain", e.toString().getBytes(StandardCharsets.UTF_8));
            }
        });
        http.createContext("/stats", exchange -> {
            stats.set(body(exchange));
            respond(exchange, 204, null, null);
        });
        http.createContext("/event", exchange -> {
            events.add(body(exchange));
            respond(exchange, 204, null, null);
        });
        http.start();
        return http;
    }

    /** The broker's answer: the leg's credentials and fingerprint, a 127.0.0.1 candidate on the muxed port. */
    private String answer(String offerText) throws Exception {
        SessionDescription offer = SdpParser.parse(offerText);
        MediaDescription first = offer.media().get(0);
        leg.remoteDescription(
                offer.effective(first, "ice-ufrag").orElseThrow(),
                offer.effective(first, "ice-pwd").orElseThrow(),
                offer.effective(first, "fingerprint").orElseThrow(),
                offer.effective(first, "setup").orElseThrow());
        for (MediaDescription section : offer.media()) {
            // what a bridge does with each codec it negotiates: the leg counts jitter and SR timestamps in its clock
            section.codecs().stream()
                    .filter(c -> SUPPORTED.stream().anyMatch(s -> s.payloadType() == c.payloadType()))
                    .forEach(c -> leg.clockRate(c.payloadType(), c.clockRate()));
            if (section.media().equals("video")) {
                section.codecs().stream()
                        .filter(c -> c.encoding().equalsIgnoreCase("VP8"))
                        .forEach(c ->
                                videoPayloadTypes.put(section.mid().orElse("") + c.payloadType(), c.payloadType()));
            }
        }
        IceLiteAnswerBuilder builder = new IceLiteAnswerBuilder(
                leg.localUfrag(),
                leg.localPassword(),
                leg.localFingerprint(),
                List.of(new IceLiteAnswerBuilder.Candidate(
                        "127.0.0.1", mux.localAddress().getPort())),
                SUPPORTED);
        return SdpWriter.write(builder.answer(offer, 1));
    }

    private double number(String key) {
        Matcher m = Pattern.compile("\"" + key + "\":([-0-9.eE]+)").matcher(stats.get());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private Optional<String> textOf(String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\"([^\"]*)\"").matcher(stats.get());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private String text(String key) {
        return textOf(key).orElse("");
    }

    private static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readNBytes(256 * 1024), StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().add("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
        if (body != null) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private static String tail(HeadlessChromium chromium) {
        try {
            List<String> lines = Files.readAllLines(chromium.log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
