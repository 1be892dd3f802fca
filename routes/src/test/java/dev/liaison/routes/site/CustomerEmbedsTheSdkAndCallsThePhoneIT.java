package dev.liaison.routes.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.liaison.gateway.call.B2bua;
import dev.liaison.gateway.client.ClientSessionInfo;
import dev.liaison.gateway.client.ClientSessionListener;
import dev.liaison.gateway.client.ClientSessions;
import dev.liaison.gateway.client.session.ClientSessionRegistry;
import dev.liaison.gateway.client.token.ClientToken;
import dev.liaison.gateway.client.token.ClientTokenVerifier;
import dev.liaison.gateway.sip.SipStackHost;
import dev.liaison.gateway.sip.Sipp;
import dev.liaison.media.bridge.MediaBridges;
import dev.liaison.media.config.MediaBroker;
import dev.liaison.routes.support.FreeUdpPorts;
import dev.liaison.routes.support.LiaisonIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 6, the consumer SDK: a customer's site embeds {@code /sdk/liaison.js} with the two lines (script tag and
 * {@code Liaison.startSupport}) on two pages; headless Chromium (fake microphone) opens the first page, the SDK asks
 * {@code POST /api/v1/sites/acme/customer-tokens} for an anonymous token, opens {@code /ws/client}, starts a session
 * and sends its context (pages, device, locale, the page's attributes). The customer opens the widget, writes a chat
 * message and calls {@code support}, which the dial plan sends through the trunk and the media broker to SIPp,
 * which answers and echoes RTP: audio flows both ways (Chromium's getStats). After hanging up the customer follows a
 * link to the second page; its SDK resumes the same session under the same correlation ID (the server's listener
 * sees it). A page of a foreign origin gets no token (403), an unknown site 404, and the endpoint is rate-limited
 * per address (429). Ends with no call, SIP leg, dialog, client session, bridge or Chromium left.
 */
@LiaisonIntegrationTest
@Import(CustomerEmbedsTheSdkAndCallsThePhoneIT.Recorder.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomerEmbedsTheSdkAndCallsThePhoneIT {

    private static final int SHOP_PORT = freeTcpPort();
    private static final int PBX_PORT = freeUdpPort();
    private static final int RTP_PORT_MIN = FreeUdpPorts.evenRange(40);
    private static final int TOKENS_PER_MINUTE = 40;
    private static final String SHOP = "http://127.0.0.1:" + SHOP_PORT;

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        registry.add("liaison.sites.acme.allowed-origins", () -> SHOP);
        registry.add("liaison.sites.acme.destinations", () -> "support");
        registry.add("liaison.sites.acme.token-ttl", () -> "2m");
        registry.add("liaison.customer-tokens.requests-per-minute", () -> TOKENS_PER_MINUTE);
        // Short, so that a customer can come back after their session expired within the test.
        registry.add("liaison.gateway.client.detach-timeout", () -> "5s");
        registry.add("liaison.dial-plan.destinations.support", () -> "sip:service@127.0.0.1:" + PBX_PORT);
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

    /** What the gateway told the rest of the product about client sessions: the server-side view of the SDK. */
    static class Recorder implements ClientSessionListener {
        final List<ClientSessionInfo> started = new CopyOnWriteArrayList<>();
        final List<ClientSessionInfo> resumed = new CopyOnWriteArrayList<>();
        final List<Map.Entry<ClientSessionInfo, String>> closed = new CopyOnWriteArrayList<>();
        final List<Map.Entry<ClientSessionInfo, String>> chats = new CopyOnWriteArrayList<>();
        final List<Map.Entry<ClientSessionInfo, Map<String, String>>> contexts = new CopyOnWriteArrayList<>();
        final List<Boolean> audioMutes = new CopyOnWriteArrayList<>();
        final List<QualityReport> quality = new CopyOnWriteArrayList<>();

        @Override
        public void sessionStarted(ClientSessionInfo session) {
            started.add(session);
        }

        @Override
        public void sessionResumed(ClientSessionInfo session) {
            resumed.add(session);
        }

        @Override
        public void sessionClosed(ClientSessionInfo session, String reason) {
            closed.add(Map.entry(session, reason));
        }

        @Override
        public void chat(ClientSessionInfo session, String text, Optional<String> callId) {
            chats.add(Map.entry(session, text));
        }

        @Override
        public void contextUpdated(ClientSessionInfo session, Map<String, String> entries) {
            contexts.add(Map.entry(session, Map.copyOf(entries)));
        }

        @Override
        public void qualityReported(ClientSessionInfo session, QualityReport report) {
            quality.add(report);
        }

        @Override
        public void muteChanged(ClientSessionInfo session, String callId, boolean audioMuted, boolean videoMuted) {
            audioMutes.add(audioMuted);
        }

        /** Every context entry the sessions under {@code correlationId} were sent, later ones replacing earlier. */
        Map<String, String> context(String correlationId) {
            Map<String, String> merged = new java.util.HashMap<>();
            contexts.stream()
                    .filter(e -> e.getKey().correlationId().equals(correlationId))
                    .forEach(e -> merged.putAll(e.getValue()));
            return merged;
        }
    }

    @LocalServerPort
    int httpPort;

    @Autowired
    Recorder recorder;

    @Autowired
    ClientTokenVerifier verifier;

    @Autowired
    B2bua b2bua;

    @Autowired
    SipStackHost sip;

    @Autowired
    ClientSessionRegistry sessions;

    @Autowired
    ClientSessions clientSessions;

    @Autowired
    ObjectProvider<MediaBridges> bridges;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MediaBroker broker;

    /** Prefix of an expression that reads the widget: {@code r} is its shadow root. */
    private static final String WIDGET = "var r = document.getElementById('liaison-support').shadowRoot; ";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<SdkBrowser> browsers = new ArrayList<>();
    private final List<Sipp> phones = new ArrayList<>();
    private final List<DroppingTcpProxy> proxies = new ArrayList<>();

    @Test
    @Order(1)
    void theEmbeddedSdkChatsCallsThePhoneAndKeepsTheCorrelationAcrossPages() throws Exception {
        int echoPort = freeEchoPort();
        Sipp phone = Sipp.uas(
                "uas-answer-echo-rtp.xml",
                PBX_PORT,
                "-mi",
                "127.0.0.1",
                "-mp",
                Integer.toString(echoPort),
                "-rtp_echo",
                "-key",
                "rtp_port",
                Integer.toString(echoPort),
                "-timeout",
                "90s");
        phones.add(phone);
        SdkBrowser browser = SdkBrowser.open(liaison(), SHOP_PORT, "index.html");
        browsers.add(browser);

        // The two-line embed connected: token, /ws/client, session, context.
        browser.awaitValue(
                "the SDK connected", "Liaison.current.state", v -> v.asText().equals("connected"));
        String correlationId = browser.evaluate("Liaison.current.correlationId").asText();
        String subject = browser.evaluate("Liaison.current.subject").asText();
        assertThat(subject).matches("anon-[A-Za-z0-9_-]{22}");
        ClientSessionInfo first = await("the session on the server")
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> recorder.started.stream()
                                .filter(s -> s.correlationId().equals(correlationId))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertThat(first.site()).isEqualTo("acme");
        assertThat(first.subject()).isEqualTo(subject);
        await("the page's context on the server").atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        recorder.context(correlationId))
                .containsEntry("attr.plan", "gold")
                .containsEntry("page.title", "Acme shop: home")
                .containsEntry("pages", "[\"/shop/index.html\"]")
                .containsKeys("device.userAgent", "device.screen", "locale", "timezone"));
        assertThat(recorder.context(correlationId).get("device.userAgent")).contains("Chrome");

        // Chat through the widget reaches the server under the session.
        browser.clickWidget("launcher");
        browser.typeChat("I was charged twice");
        await("the chat message on the server").atMost(Duration.ofSeconds(10)).until(() -> recorder.chats.stream()
                .anyMatch(c -> c.getKey().correlationId().equals(correlationId)
                        && c.getValue().equals("I was charged twice")));

        // The contact center answers in the chat: the widget shows it.
        assertThat(clientSessions.sendChat(first.sessionId(), "agent-7", "How can I help?", Optional.empty()))
                .isTrue();
        browser.awaitValue(
                "the agent's message in the widget",
                WIDGET + "r.querySelector('[data-liaison=log]').textContent",
                log -> log.asText().contains("agent-7: How can I help?"));

        // The call button: the phone answers, audio both ways through the broker.
        browser.clickWidget("call");
        browser.awaitValue("the call answered", "Liaison.current.callState", v -> v.asText()
                .equals("answered"));
        JsonNode stats = browser.awaitValue(
                "audio both ways: DTLS connected, packets sent, echoed audio received with energy",
                "Liaison.current.stats()",
                s -> s.path("dtlsState").asText().equals("connected")
                        && s.path("audioOut").path("packetsSent").asLong() > 0
                        && s.path("audioIn").path("packetsReceived").asLong() > 0
                        && s.path("audioIn").path("totalAudioEnergy").asDouble() > 0);
        assertThat(stats.path("selectedPair").path("remotePort").asInt())
                .as("the browser's media goes to the broker's muxed port")
                .isEqualTo(broker.resources().mux().localAddress().getPort());
        assertThat(browser.evaluate("document.getElementById('liaison-support').shadowRoot"
                                + ".querySelector('[data-liaison=\"status\"]').textContent")
                        .asText())
                .isEqualTo("In a call");

        String callId = browser.evaluate("Liaison.current.callId").asText();
        await("a quality report of the call on the server")
                .atMost(Duration.ofSeconds(15))
                .until(() -> recorder.quality.stream().anyMatch(q -> q.callId().equals(callId)));
        assertThat(recorder.quality).allSatisfy(q -> {
            assertThat(q.lossPercent()).isBetween(0.0, 100.0);
            assertThat(q.rttMs()).isBetween(0.0, 60_000.0);
        });

        browser.clickWidget("mute");
        await("the mute on the server").atMost(Duration.ofSeconds(10)).until(() -> recorder.audioMutes.contains(true));
        assertThat(browser.evaluate("document.getElementById('liaison-support').shadowRoot"
                                + ".querySelector('[data-liaison=\"mute\"]').getAttribute('aria-pressed')")
                        .asText())
                .isEqualTo("true");
        browser.screenshot("sdk-widget-in-a-call");

        browser.clickWidget("hangup");
        browser.awaitValue(
                "the call ended", "Liaison.current.callState", v -> v.asText().equals("ended"));
        phone.assertScenarioCompleted();

        // The customer moves to another page of the site: the same correlation ID, the same session.
        browser.followLink("next", "Acme shop: billing");
        browser.awaitValue("the SDK connected again", "Liaison.current.state", v -> v.asText()
                .equals("connected"));
        assertThat(browser.evaluate("Liaison.current.correlationId").asText()).isEqualTo(correlationId);
        assertThat(browser.evaluate("Liaison.current.subject").asText()).isEqualTo(subject);
        await("the session resumed on the server")
                .atMost(Duration.ofSeconds(10))
                .until(() -> recorder.resumed.stream()
                        .anyMatch(s -> s.sessionId().equals(first.sessionId())
                                && s.correlationId().equals(correlationId)));
        assertThat(recorder.started)
                .as("no second session was started for this customer")
                .filteredOn(s -> s.subject().equals(subject))
                .hasSize(1);
        await("the second page in the context").atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        recorder.context(correlationId))
                .containsEntry("pages", "[\"/shop/index.html\",\"/shop/page-2.html?item=42\"]")
                .containsEntry("page.title", "Acme shop: billing"));
        assertThat(browser.evaluate("document.getElementById('liaison-support').shadowRoot"
                                + ".querySelector('[data-liaison=\"log\"]').textContent")
                        .asText())
                .as("the chat so far, shown again on the new page")
                .contains("I was charged twice");
        browser.screenshot("sdk-widget-after-navigation");

        // At phone width the open panel fits the screen and its controls are finger-sized.
        browser.emulatePhone(375, 740);
        JsonNode layout = browser.awaitValue(
                "the panel laid out at phone width",
                WIDGET + "(() => { const p = r.getElementById('panel').getBoundingClientRect();"
                        + " const small = [...r.querySelectorAll('button, input')].filter(b => b.offsetParent"
                        + " && b.getBoundingClientRect().height < 44).map(b => b.outerHTML);"
                        + " return {left: p.left, right: p.right, width: innerWidth, small}; })()",
                l -> l.path("width").asInt() == 375);
        assertThat(layout.path("left").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(layout.path("right").asDouble()).isLessThanOrEqualTo(375);
        assertThat(layout.path("small")).as("controls under 44 px high").isEmpty();
        browser.screenshot("sdk-widget-phone-width");

        // Labelled controls, and the keyboard: Escape closes the panel and gives the focus back to the launcher,
        // Enter on it opens the panel again with the focus in the message box.
        JsonNode labels = browser.evaluate(WIDGET + "(() => ({"
                + " dialog: r.getElementById('panel').getAttribute('role'),"
                + " title: r.getElementById(r.getElementById('panel').getAttribute('aria-labelledby')).textContent,"
                + " close: r.querySelector('[data-liaison=close]').getAttribute('aria-label'),"
                + " input: r.querySelector('label[for=message]').textContent,"
                + " log: r.querySelector('[data-liaison=log]').getAttribute('role'),"
                + " status: r.querySelector('[data-liaison=status]').getAttribute('aria-live') }))()");
        assertThat(labels.path("dialog").asText()).isEqualTo("dialog");
        assertThat(labels.path("title").asText()).isEqualTo("Support");
        assertThat(labels.path("close").asText()).isEqualTo("Close support");
        assertThat(labels.path("input").asText()).isEqualTo("Message");
        assertThat(labels.path("log").asText()).isEqualTo("log");
        assertThat(labels.path("status").asText()).isEqualTo("polite");
        browser.evaluate(WIDGET + "r.querySelector('[data-liaison=input]').focus(); true");
        browser.pressKey("Escape", 27, null);
        JsonNode closed = browser.evaluate(WIDGET + "(() => ({hidden: r.getElementById('panel').hidden,"
                + " focus: r.activeElement && r.activeElement.dataset.liaison,"
                + " expanded: r.querySelector('[data-liaison=launcher]').getAttribute('aria-expanded')}))()");
        assertThat(closed.path("hidden").asBoolean()).isTrue();
        assertThat(closed.path("focus").asText()).isEqualTo("launcher");
        assertThat(closed.path("expanded").asText()).isEqualTo("false");
        browser.pressKey("Enter", 13, "\r");
        JsonNode reopened = browser.evaluate(WIDGET + "(() => ({hidden: r.getElementById('panel').hidden,"
                + " focus: r.activeElement && r.activeElement.dataset.liaison}))()");
        assertThat(reopened.path("hidden").asBoolean()).isFalse();
        assertThat(reopened.path("focus").asText()).isEqualTo("input");

        // The location only with consent: nothing before the customer clicks, the rounded position after.
        assertThat(recorder.context(correlationId)).doesNotContainKeys("geo.latitude", "geo.longitude");
        browser.allowLocation(52.520008, 13.404954, 25);
        browser.clickWidget("location");
        await("the location in the context").atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        recorder.context(correlationId))
                .containsEntry("geo.latitude", "52.52")
                .containsEntry("geo.longitude", "13.405")
                .containsEntry("geo.accuracy", "25"));

        browser.evaluate("Liaison.current.end().then(() => true)");
        await("the session ended").atMost(Duration.ofSeconds(10)).until(() -> sessions.sessionCount() == 0);
    }

    @Test
    @Order(2)
    void aCustomerBackAfterTheSessionExpiredKeepsTheCorrelationId() throws Exception {
        SdkBrowser browser = SdkBrowser.open(liaison(), SHOP_PORT, "index.html");
        browsers.add(browser);
        browser.awaitValue(
                "the SDK connected", "Liaison.current.state", v -> v.asText().equals("connected"));
        String correlationId = browser.evaluate("Liaison.current.correlationId").asText();
        ClientSessionInfo first = recorder.started.stream()
                .filter(s -> s.correlationId().equals(correlationId))
                .findFirst()
                .orElseThrow();

        browser.leaveTheSite();
        await("the detached session expired").atMost(Duration.ofSeconds(20)).until(() -> recorder.closed.stream()
                .anyMatch(c -> c.getKey().sessionId().equals(first.sessionId())
                        && c.getValue().equals("detach-timeout")));

        browser.openShopPage("page-2.html", "Acme shop: billing");
        browser.awaitValue("the SDK connected again", "Liaison.current.state", v -> v.asText()
                .equals("connected"));
        assertThat(browser.evaluate("Liaison.current.correlationId").asText()).isEqualTo(correlationId);
        ClientSessionInfo second = await("a new session under the same correlation ID")
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> recorder.started.stream()
                                .filter(s -> s.correlationId().equals(correlationId)
                                        && !s.sessionId().equals(first.sessionId()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertThat(second.subject()).as("the same visitor").isEqualTo(first.subject());
        await("both pages in the context").atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        recorder.context(correlationId))
                .containsEntry("pages", "[\"/shop/index.html\",\"/shop/page-2.html\"]"));

        browser.evaluate("Liaison.current.end().then(() => true)");
        await("the session ended").atMost(Duration.ofSeconds(10)).until(() -> sessions.sessionCount() == 0);
    }

    @Test
    @Order(3)
    void aNetworkDropReattachesTheSameSession() throws Exception {
        DroppingTcpProxy network = new DroppingTcpProxy(httpPort);
        proxies.add(network);
        SdkBrowser browser = SdkBrowser.open(network.url(), SHOP_PORT, "index.html");
        browsers.add(browser);
        browser.awaitValue(
                "the SDK connected", "Liaison.current.state", v -> v.asText().equals("connected"));
        String correlationId = browser.evaluate("Liaison.current.correlationId").asText();
        ClientSessionInfo first = recorder.started.stream()
                .filter(s -> s.correlationId().equals(correlationId))
                .findFirst()
                .orElseThrow();

        network.dropAll();
        await("the session reattached after the drop")
                .atMost(Duration.ofSeconds(15))
                .until(() ->
                        recorder.resumed.stream().anyMatch(s -> s.sessionId().equals(first.sessionId())));
        browser.awaitValue("the SDK connected again", "Liaison.current.state", v -> v.asText()
                .equals("connected"));
        assertThat(browser.evaluate("Liaison.current.correlationId").asText()).isEqualTo(correlationId);
        browser.evaluate("Liaison.sendChat('Still there?').then(() => true)");
        await("a chat after the reattach").atMost(Duration.ofSeconds(10)).until(() -> recorder.chats.stream()
                .anyMatch(c -> c.getKey().sessionId().equals(first.sessionId())
                        && c.getValue().equals("Still there?")));

        browser.evaluate("Liaison.current.end().then(() => true)");
        await("the session ended").atMost(Duration.ofSeconds(10)).until(() -> sessions.sessionCount() == 0);
    }

    @Test
    @Order(4)
    void aSiteWithItsOwnUiUsesTheJavaScriptApi() throws Exception {
        SdkBrowser browser = SdkBrowser.open(liaison(), SHOP_PORT, "own-ui.html");
        browsers.add(browser);
        browser.awaitValue(
                "Liaison.connect resolved",
                "window.failed || (Liaison.current && Liaison.current.state)",
                v -> v.asText().equals("connected"));
        assertThat(browser.evaluate("document.getElementById('liaison-support') === null")
                        .asBoolean())
                .as("no widget")
                .isTrue();
        String correlationId = browser.evaluate("Liaison.current.correlationId").asText();

        browser.evaluate("Liaison.sendChat('Where is my order?').then(() => true)");
        browser.evaluate("Liaison.setContext({orderId: '42'}) && true");
        await("the chat and the context on the server")
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> {
                    assertThat(recorder.chats)
                            .anyMatch(c -> c.getKey().correlationId().equals(correlationId)
                                    && c.getValue().equals("Where is my order?"));
                    assertThat(recorder.context(correlationId))
                            .containsEntry("attr.cart", "3 items")
                            .containsEntry("attr.orderId", "42");
                });
        String sessionId = recorder.started.stream()
                .filter(s -> s.correlationId().equals(correlationId))
                .findFirst()
                .orElseThrow()
                .sessionId();
        clientSessions.sendChat(sessionId, "agent-7", "It ships today", Optional.empty());
        browser.awaitValue("the agent's message in the page's own UI", "window.shown", shown -> shown.toString()
                .contains("agent-7: It ships today"));

        browser.evaluate("Liaison.current.end().then(() => true)");
        await("the session ended").atMost(Duration.ofSeconds(10)).until(() -> sessions.sessionCount() == 0);
    }

    @Test
    @Order(5)
    void aPageOfAnotherOriginGetsNoTokenAndTheWidgetSaysSo() throws Exception {
        SdkBrowser foreign = SdkBrowser.open(liaison(), 0, "index.html");
        browsers.add(foreign);

        JsonNode error = foreign.awaitValue("the SDK refused a token", "Liaison.current.lastError", e -> e.path("code")
                .isTextual());
        assertThat(error.path("code").asText()).isEqualTo("token-refused");
        assertThat(foreign.evaluate("Liaison.current.state").asText()).isEqualTo("failed");
        assertThat(foreign.evaluate("document.getElementById('liaison-support').shadowRoot"
                                + ".querySelector('[data-liaison=\"status\"]').textContent")
                        .asText())
                .isEqualTo("Support is not available on this page");
        assertThat(sessions.sessionCount()).isZero();
    }

    @Test
    @Order(6)
    void theTokenEndpointChecksTheSiteTheOriginAndTheSubject() throws Exception {
        HttpResponse<String> issued = tokenRequest("acme", SHOP, "{}");
        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(issued.headers().firstValue("Access-Control-Allow-Origin")).contains(SHOP);
        assertThat(issued.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        JsonNode body = json.readTree(issued.body());
        ClientToken token = verifier.verify(body.path("token").asText());
        assertThat(token.site()).isEqualTo("acme");
        assertThat(token.subject()).isEqualTo(body.path("subject").asText()).matches("anon-[A-Za-z0-9_-]{22}");
        assertThat(token.allowedDestinations()).containsExactly("support");
        assertThat(token.allowedOrigins()).containsExactly(SHOP);
        assertThat(token.expiresAt()).isBefore(Instant.now().plus(Duration.ofMinutes(3)));

        JsonNode again = json.readTree(tokenRequest("acme", SHOP, "{\"subject\":\"" + token.subject() + "\"}")
                .body());
        assertThat(again.path("subject").asText()).as("the visitor continues").isEqualTo(token.subject());
        assertThat(json.readTree(tokenRequest("acme", SHOP, null).body())
                        .path("subject")
                        .asText())
                .as("no body: a fresh visitor")
                .isNotEqualTo(token.subject());

        assertProblem(tokenRequest("acme", "http://127.0.0.1:1", "{}"), 403, "site.origin_forbidden");
        assertProblem(tokenRequest("acme", null, "{}"), 403, "site.origin_forbidden");
        assertProblem(tokenRequest("nosuchsite", SHOP, "{}"), 404, "site.not_found");
        assertProblem(
                tokenRequest("acme", SHOP, "{\"subject\":\"alice@example.com\"}"),
                400,
                "customer_token.invalid_subject");

        HttpResponse<String> preflight = http.send(
                HttpRequest.newBuilder(tokenUri("acme"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", SHOP)
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "content-type")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .contains(SHOP);
        HttpResponse<String> foreignPreflight = http.send(
                HttpRequest.newBuilder(tokenUri("acme"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "http://127.0.0.1:1")
                        .header("Access-Control-Request-Method", "POST")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(foreignPreflight.statusCode()).isEqualTo(403);
        assertThat(foreignPreflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();

        HttpResponse<String> sdk = http.send(
                HttpRequest.newBuilder(URI.create(liaison() + "/sdk/liaison.js"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sdk.statusCode()).isEqualTo(200);
        assertThat(sdk.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).contains("javascript"));
        assertThat(sdk.body()).contains("startSupport");

        HttpResponse<String> openApi = http.send(
                HttpRequest.newBuilder(URI.create(liaison() + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode operation = json.readTree(openApi.body())
                .path("paths")
                .path("/api/v1/sites/{site}/customer-tokens")
                .path("post");
        assertThat(operation.path("responses").fieldNames()).toIterable().contains("200", "400", "403", "404", "429");
    }

    @Test
    @Order(7)
    void tooManyTokenRequestsFromOneAddressGet429() throws Exception {
        HttpResponse<String> last = null;
        for (int i = 0; i <= TOKENS_PER_MINUTE; i++) {
            last = tokenRequest("acme", SHOP, "{}");
            if (last.statusCode() == 429) {
                break;
            }
            assertThat(last.statusCode()).isEqualTo(200);
        }
        assertProblem(last, 429, "customer_token.rate_limited");
        assertThat(last.headers().firstValue("Retry-After").map(Integer::parseInt))
                .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1, 60));
        assertProblem(tokenRequest("nosuchsite", SHOP, "{}"), 429, "customer_token.rate_limited");
    }

    private void assertProblem(HttpResponse<String> response, int status, String code) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    private HttpResponse<String> tokenRequest(String site, String origin, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(tokenUri(site))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI tokenUri(String site) {
        return URI.create(liaison() + "/api/v1/sites/" + site + "/customer-tokens");
    }

    private String liaison() {
        return "http://127.0.0.1:" + httpPort;
    }

    @AfterEach
    void nothingLeaked() {
        browsers.forEach(SdkBrowser::close);
        phones.forEach(Sipp::close);
        for (DroppingTcpProxy proxy : proxies) {
            try {
                proxy.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
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
        assertThat(browsers).as("Chromium stopped, profile deleted").allMatch(SdkBrowser::closed);
        await("the proxy's connections closed").atMost(Duration.ofSeconds(5)).until(() -> proxies.stream()
                .allMatch(DroppingTcpProxy::closed));
    }

    private static int freeTcpPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port for SIPp's RTP echo: SIPp also binds the port 2 above it (video), so both must be free. */
    private static int freeEchoPort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freeUdpPort();
            if (port + 2 <= 65_535 && FreeUdpPorts.isFree(port + 2)) {
                return port;
            }
        }
        throw new IllegalStateException("no free UDP port p with p + 2 free on loopback");
    }

    private static int freeUdpPort() {
        try {
            return Sipp.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
