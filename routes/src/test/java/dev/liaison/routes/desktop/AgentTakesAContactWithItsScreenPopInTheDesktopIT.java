package dev.liaison.routes.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.liaison.palettes.security.UserService;
import dev.liaison.routes.support.ApiUsers;
import dev.liaison.routes.support.HeadlessChromium;
import dev.liaison.routes.support.LiaisonIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The agent desktop at {@code /agent/} in headless Chromium against the running application: an admin sets up a
 * queue, an agent and its user over REST; the agent signs in through the page and goes Available with the keyboard; a
 * contact with page history and custom attributes is enqueued; the offer shows the screen pop and rings; the agent
 * accepts with the shortcut, edits the context, ends and wraps up with a disposition; the server shows the task
 * completed with that disposition and the agent AVAILABLE again. Also: a user without an agent is told so, and an
 * ended session leads back to the sign-in page.
 */
@LiaisonIntegrationTest
class AgentTakesAContactWithItsScreenPopInTheDesktopIT {

    /** The screenshot docs/agent-desktop.md refers to. */
    static final Path SCREENSHOT = Path.of("target", "screenshots", "agent-desktop-screen-pop.png");

    static final Path NARROW_SCREENSHOT = Path.of("target", "screenshots", "agent-desktop-narrow.png");

    /** Every control has an accessible name: a label, aria-label(ledby) or its own text. */
    private static final String UNNAMED_CONTROLS = "[...document.querySelectorAll('button, select, input, textarea,"
            + " a[href]')].filter(e => !((e.labels && e.labels.length) || e.getAttribute('aria-label')"
            + " || e.getAttribute('aria-labelledby') || e.textContent.trim())).map(e => e.outerHTML)";

    @LocalServerPort
    int port;

    @Autowired
    UserService userService;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<HeadlessChromium> browsers = new ArrayList<>();
    private ApiUsers.Credentials admin;
    private String suffix;
    private String queue;

    @BeforeEach
    void setUp() throws Exception {
        admin = new ApiUsers(userService).admin();
        suffix = UUID.randomUUID().toString().substring(0, 8);
        queue = "desk-" + suffix;
        call("POST", "/api/v1/skills", "{\"name\":\"desk-" + suffix + "\"}", 201);
        call(
                "POST",
                "/api/v1/queues",
                "{\"name\":\"" + queue + "\",\"targetExpression\":\"skills HAS 'desk-" + suffix
                        + "'\",\"reservationTimeoutSeconds\":60,\"wrapUpSeconds\":300}",
                201);
    }

    @Test
    void theAgentSeesTheScreenPopAcceptsByKeyboardAndWrapsUpWithADisposition() throws Exception {
        String agentId = createAgent("dana", "Dana Desk");
        String username = "dana-" + suffix;
        String password = createUser(username, agentId);

        HeadlessChromium browser = open();
        signIn(browser, username, password);
        browser.awaitTrue(
                "the desktop names the user and the agent",
                "document.getElementById('who').textContent.includes('" + username
                        + "') && document.getElementById('who').textContent.includes('Dana Desk')");
        browser.awaitTrue(
                "the server's state OFFLINE shown",
                "document.getElementById('agent-state').dataset.state === 'OFFLINE'");
        assertThat(browser.evaluate(UNNAMED_CONTROLS))
                .as("controls without a name")
                .isEmpty();

        // Tab from the top of the page to "Available" and press Enter
        tabTo(browser, "go-available");
        browser.pressEnter();
        browser.awaitTrue(
                "the desktop shows AVAILABLE", "document.getElementById('agent-state').dataset.state === 'AVAILABLE'");
        assertThat(agentState(agentId)).isEqualTo("AVAILABLE");

        // a customer with a page history and custom attributes asks for help
        String correlationId = call(
                        "POST",
                        "/api/v1/interactions",
                        "{\"channel\":\"chat\",\"identityKey\":\"customer:desk-" + suffix + "\"}",
                        201)
                .path("correlationId")
                .asText();
        call(
                "PATCH",
                "/api/v1/interactions/" + correlationId + "/context",
                """
                {"source":"sdk","actor":"customer","entries":[
                  {"category":"identity","key":"name","value":"Ada Customer"},
                  {"category":"identity","key":"tier","value":"gold"},
                  {"category":"device","key":"browser","value":"Firefox 140"},
                  {"category":"location","key":"locale","value":"de-CH"},
                  {"category":"ivr","key":"intent","value":"refund"},
                  {"category":"custom","key":"orderNumber","value":"A-4711"},
                  {"category":"custom","key":"cartValue","value":129.5}]}""",
                200);
        for (String page : List.of("/shop/pricing", "/shop/checkout", "/shop/help/refunds")) {
            call(
                    "PATCH",
                    "/api/v1/interactions/" + correlationId + "/context",
                    "{\"source\":\"sdk\",\"actor\":\"customer\",\"entries\":[{\"category\":\"pages\",\"key\":\"view\","
                            + "\"value\":{\"url\":\"" + page + "\"}}]}",
                    200);
        }
        long created = System.nanoTime();
        String taskId = call(
                        "POST",
                        "/api/v1/tasks",
                        "{\"correlationId\":\"" + correlationId + "\",\"channel\":\"chat\",\"queue\":\"" + queue
                                + "\",\"attributes\":{\"language\":\"de\"}}",
                        201)
                .path("id")
                .asText();

        browser.awaitTrue(
                "the offer with its screen pop",
                "!document.getElementById('offer').hidden"
                        + " && document.getElementById('offer-pop').textContent.includes('/shop/help/refunds')");
        long shownMs = Duration.ofNanos(System.nanoTime() - created).toMillis();
        String pop = browser.evaluate("document.getElementById('offer-pop').innerText")
                .asText();
        assertThat(pop)
                .contains("Ada Customer", "gold", "Firefox 140", "de-CH", "refund")
                .contains("/shop/pricing", "/shop/checkout", "/shop/help/refunds")
                .contains("orderNumber", "A-4711", "cartValue", "129.5")
                .as("why this agent")
                .contains(queue, "skills HAS 'desk-" + suffix + "'")
                .as("the timeline under the correlation ID")
                .contains(correlationId, "Queued in " + queue);
        assertThat(browser.evaluate(
                                "[...document.querySelectorAll('#offer-pop ol.pages li')].map(li => li.textContent)")
                        .toString())
                .as("pages in the order visited")
                .matches(".*pricing.*checkout.*refunds.*");
        assertThat(browser.evaluate("document.getElementById('offer').dataset.ringing")
                        .asText())
                .isEqualTo("true");
        assertThat(browser.evaluate("document.getElementById('offer-countdown').textContent")
                        .asText())
                .matches("\\d+ s");
        assertThat(browser.evaluate("document.getElementById('sound-status').dataset.audibility")
                        .asText())
                .as("the ring is audible (this Chromium allows sound without a gesture)")
                .isEqualTo("on");
        browser.awaitTrue(
                "the offer announced in the live region",
                "document.getElementById('announcer').textContent.includes('Incoming chat from Ada Customer')");
        assertThat(browser.evaluate("document.activeElement.id").asText())
                .as("the focus is on Accept")
                .isEqualTo("accept");
        assertThat(browser.evaluate(UNNAMED_CONTROLS))
                .as("controls without a name")
                .isEmpty();
        browser.screenshot(SCREENSHOT);

        // the same desktop on a phone: one column, nothing wider than the screen
        browser.viewport(390, 844, true);
        browser.awaitTrue(
                "no horizontal scrolling on a narrow screen",
                "document.documentElement.scrollWidth <= window.innerWidth");
        browser.screenshot(NARROW_SCREENSHOT);
        browser.viewport(1280, 900, false);

        // accept with the shortcut, from wherever the focus is
        browser.evaluate("document.getElementById('state-heading').focus(); true");
        browser.pressKey("A", "KeyA", 65, HeadlessChromium.ALT | HeadlessChromium.SHIFT, null);
        String card = "document.querySelector('article.task[data-task-id=\"" + taskId + "\"]')";
        browser.awaitTrue("the task in the agent's tasks", "!!" + card + " && document.getElementById('offer').hidden");
        assertThat(taskStatus(taskId)).isEqualTo("ASSIGNED");
        browser.awaitTrue("the desktop shows BUSY", "document.getElementById('agent-state').dataset.state === 'BUSY'");

        // going Offline with a task in hand is refused: the desktop says why, with the problem's code
        browser.evaluate("document.getElementById('go-offline').focus(); true");
        browser.pressEnter();
        browser.awaitTrue(
                "the refusal shown",
                "!document.getElementById('errors').hidden && document.getElementById('error-list').textContent"
                        + ".includes('agent.invalid_transition')");
        assertThat(agentState(agentId)).isEqualTo("BUSY");

        // note something in the context: type the key, Tab to the value, Enter saves
        browser.evaluate(card + ".querySelector('form.context-edit input').focus(); true");
        browser.type("promisedRefund");
        browser.pressTab();
        browser.type("yes, by Friday");
        browser.pressEnter();
        await("the agent's context write")
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> call("GET", "/api/v1/interactions/" + correlationId + "/context", null, 200)
                                .path("context")
                                .path("custom")
                                .path("promisedRefund")
                                .asText(),
                        "yes, by Friday"::equals);
        browser.awaitTrue(
                "the card shows the new attribute",
                card + ".querySelector('.custom').textContent.includes('yes, by Friday')");

        // end with the keyboard, then wrap up with a disposition
        browser.evaluate(card + ".querySelector('button.end').focus(); true");
        browser.pressEnter();
        browser.awaitTrue("the wrap-up form", "!!" + card + "?.querySelector('form.wrap-up')");
        assertThat(taskStatus(taskId)).isEqualTo("WRAPPING");
        browser.awaitTrue(
                "the desktop shows WRAP_UP", "document.getElementById('agent-state').dataset.state === 'WRAP_UP'");
        assertThat(browser.evaluate("document.activeElement.tagName").asText())
                .as("the focus moves to the disposition")
                .isEqualTo("SELECT");
        browser.evaluate("document.activeElement.value = 'follow-up'; true");
        browser.pressTab();
        assertThat(browser.evaluate("document.activeElement.textContent").asText())
                .isEqualTo("Finish wrap-up");
        browser.pressSpace();
        browser.awaitTrue("the task leaves the desktop", "!" + card);

        JsonNode done = call("GET", "/api/v1/tasks/" + taskId, null, 200);
        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("endReason").asText()).as("the disposition").isEqualTo("follow-up");
        await("the agent AVAILABLE again")
                .atMost(Duration.ofSeconds(10))
                .until(() -> agentState(agentId), "AVAILABLE"::equals);
        browser.awaitTrue(
                "the desktop shows AVAILABLE again",
                "document.getElementById('agent-state').dataset.state === 'AVAILABLE'");
        assertThat(call("GET", "/api/v1/interactions/" + correlationId + "/timeline?limit=1000", null, 200)
                        .path("events")
                        .findValuesAsText("type"))
                .contains("routing.offered", "routing.accepted", "contact.ended", "contact.completed");

        // the same customer comes back: the screen pop lists the earlier contact, and Alt+Shift+R rejects
        String again = call(
                        "POST",
                        "/api/v1/tasks",
                        "{\"correlationId\":\"" + correlationId + "\",\"channel\":\"chat\",\"queue\":\"" + queue
                                + "\"}",
                        201)
                .path("id")
                .asText();
        browser.awaitTrue(
                "the second offer, with the earlier contact",
                "!document.getElementById('offer').hidden && document.querySelector('#offer-pop .earlier')"
                        + ".textContent.includes('Wrap-up finished (follow-up)')");
        browser.pressKey("R", "KeyR", 82, HeadlessChromium.ALT | HeadlessChromium.SHIFT, null);
        browser.awaitTrue(
                "the offer gone and announced",
                "document.getElementById('offer').hidden"
                        + " && document.getElementById('announcer').textContent.startsWith('Rejected')");
        assertThat(call("GET", "/api/v1/tasks/" + again + "/reservations", null, 200)
                        .findValuesAsText("status"))
                .containsExactly("REJECTED");
        call("POST", "/api/v1/tasks/" + again + "/cancel", "{\"reason\":\"test-over\"}", 200);

        // sign out from the page: the agent goes OFFLINE and the browser is at the sign-in page
        browser.awaitTrue(
                "the desktop shows AVAILABLE after the rejection",
                "document.getElementById('agent-state').dataset.state === 'AVAILABLE'");
        browser.evaluate("document.getElementById('sign-out').click(); true");
        browser.awaitTrue("the sign-in page after sign-out", "location.pathname === '/login'");
        assertThat(agentState(agentId)).isEqualTo("OFFLINE");
        System.out.println("agent desktop: offer shown " + shownMs + " ms after the task was created");
        nothingLeft(agentId);
    }

    @Test
    void aCallbackIsOfferedTakenAndFollowedToItsOutcome() throws Exception {
        String agentId = createAgent("cal", "Cal Back");
        String username = "cal-" + suffix;
        String password = createUser(username, agentId);
        HeadlessChromium browser = open();
        signIn(browser, username, password);
        browser.evaluate("document.getElementById('go-available').click(); true");
        browser.awaitTrue(
                "the desktop shows AVAILABLE", "document.getElementById('agent-state').dataset.state === 'AVAILABLE'");

        String correlationId = call("POST", "/api/v1/interactions", "{\"channel\":\"chat\"}", 201)
                .path("correlationId")
                .asText();
        String callbackId = call(
                        "POST",
                        "/api/v1/callbacks",
                        "{\"correlationId\":\"" + correlationId + "\",\"queue\":\"" + queue
                                + "\",\"target\":\"phone\",\"phoneNumber\":\"+14155550100\",\"maxAttempts\":1}",
                        201)
                .path("id")
                .asText();
        browser.awaitTrue(
                "the callback offered",
                "!document.getElementById('offer').hidden"
                        + " && document.getElementById('offer-heading').textContent.startsWith('Incoming callback')");
        assertThat(browser.evaluate("document.activeElement.id").asText()).isEqualTo("accept");
        browser.pressEnter();

        // this application has no SIP trunk for callbacks: the routes report the attempt failed (no-trunk), the
        // callback has no attempt left, and the card follows it into wrap-up
        String card = "document.querySelector('article.task')";
        browser.awaitTrue(
                "the callback's card with its attempt",
                "!!" + card + " && " + card + ".querySelector('.callback').textContent.includes('attempt 1 of 1')"
                        + " && " + card + ".querySelector('.callback').textContent.includes('+14155550100')");
        await("the callback failed").atMost(Duration.ofSeconds(30)).until(() -> call(
                        "GET", "/api/v1/callbacks/" + callbackId, null, 200)
                .path("state")
                .asText()
                .equals("FAILED"));
        browser.awaitTrue(
                "the card shows the callback FAILED and the wrap-up",
                card + "?.querySelector('fieldset[data-callback-state=\"FAILED\"]') && !!" + card
                        + ".querySelector('form.wrap-up')");
        browser.evaluate(card + ".querySelector('form.wrap-up button').click(); true");
        browser.awaitTrue("the task leaves the desktop", "!" + card);
        await("the agent AVAILABLE again")
                .atMost(Duration.ofSeconds(10))
                .until(() -> agentState(agentId), "AVAILABLE"::equals);
        assertThat(call("GET", "/api/v1/interactions/" + correlationId + "/timeline?limit=1000", null, 200)
                        .path("events")
                        .findValuesAsText("type"))
                .contains("callback.requested", "callback.dialing", "callback.not_dialed", "callback.failed");
        browser.evaluate("document.getElementById('sign-out').click(); true");
        browser.awaitTrue("the sign-in page after sign-out", "location.pathname === '/login'");
        nothingLeft(agentId);
    }

    @Test
    void aUserWithoutAnAgentIsToldSo() throws Exception {
        String username = "noagent-" + suffix;
        String password = createUser(username, null);
        HeadlessChromium browser = open();
        signIn(browser, username, password);
        browser.awaitTrue("the no-agent message", "!document.getElementById('no-agent').hidden");
        assertThat(browser.evaluate("document.getElementById('no-agent-text').textContent")
                        .asText())
                .contains(username, "not linked to an ACD agent");
        assertThat(browser.evaluate("document.getElementById('desk').hidden").asBoolean())
                .isTrue();
        browser.evaluate("document.getElementById('sign-out').click(); true");
        browser.awaitTrue("the sign-in page after sign-out", "location.pathname === '/login'");
        for (HeadlessChromium each : browsers) {
            each.close();
            assertThat(each.closed()).as("Chromium stopped, profile deleted").isTrue();
        }
    }

    @Test
    void anEndedSessionStopsTheDesktopAndLeadsBackToSignIn() throws Exception {
        String agentId = createAgent("eve", "Eve Expired");
        String username = "eve-" + suffix;
        String password = createUser(username, agentId);
        HeadlessChromium browser = open();
        signIn(browser, username, password);
        browser.awaitTrue("the desktop", "document.getElementById('agent-state').dataset.state === 'OFFLINE'");

        // an admin sets a new password: the account changed, so the browser session ends at its next request
        call(
                "PUT",
                "/api/v1/users/" + username + "/password",
                "{\"password\":\"desk-pw-" + UUID.randomUUID() + "\"}",
                200);
        browser.awaitTrue("the session-ended notice", "!document.getElementById('session-ended').hidden");
        assertThat(browser.evaluate("document.activeElement.id").asText()).isEqualTo("sign-in-again");
        browser.pressEnter();
        browser.awaitTrue("the sign-in page", "location.pathname === '/login'");
        nothingLeft(agentId);
    }

    private String createAgent(String login, String displayName) throws Exception {
        return call(
                        "POST",
                        "/api/v1/agents",
                        "{\"login\":\"" + login + suffix + "\",\"displayName\":\"" + displayName
                                + "\",\"skills\":{\"desk-" + suffix + "\":7}}",
                        201)
                .path("id")
                .asText();
    }

    /** Creates an AGENT user (linked to {@code agentId} unless null) and returns its password. */
    private String createUser(String username, String agentId) throws Exception {
        String password = "desk-pw-" + UUID.randomUUID();
        call(
                "POST",
                "/api/v1/users",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"roles\":[\"AGENT\"]"
                        + (agentId == null ? "" : ",\"agentId\":\"" + agentId + "\"") + "}",
                201);
        return password;
    }

    private HeadlessChromium open() throws IOException {
        HeadlessChromium browser = HeadlessChromium.open(base() + "/agent/", 1280, 900);
        browsers.add(browser);
        return browser;
    }

    /** Opens /agent/, is sent to the sign-in form, types the credentials and comes back to the desktop. */
    private void signIn(HeadlessChromium browser, String username, String password) {
        browser.awaitTrue(
                "the sign-in form", "location.pathname === '/login' && !!document.getElementById('username')");
        browser.evaluate("document.getElementById('username').focus(); true");
        browser.type(username);
        browser.pressTab();
        browser.type(password);
        browser.pressEnter();
        browser.awaitTrue(
                "back at the desktop, signed in",
                "location.pathname === '/agent/' && !document.getElementById('who').textContent.startsWith('Loading')");
    }

    private void tabTo(HeadlessChromium browser, String id) {
        browser.evaluate("document.activeElement && document.activeElement.blur(); true");
        List<String> visited = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            browser.pressTab();
            String focused = browser.evaluate("document.activeElement.id || document.activeElement.tagName")
                    .asText();
            visited.add(focused);
            if (focused.equals(id)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached #" + id + "; it went " + visited);
    }

    private String agentState(String agentId) throws Exception {
        return call("GET", "/api/v1/agents/" + agentId, null, 200).path("state").asText();
    }

    private String taskStatus(String taskId) throws Exception {
        return call("GET", "/api/v1/tasks/" + taskId, null, 200).path("status").asText();
    }

    private void nothingLeft(String agentId) throws Exception {
        assertThat(call("GET", "/api/v1/queues/" + queue + "/tasks", null, 200))
                .as("tasks waiting")
                .isEmpty();
        assertThat(call("GET", "/api/v1/agents/" + agentId + "/offer", null, 200))
                .as("pending reservations")
                .isEmpty();
        assertThat(call("GET", "/api/v1/agents/" + agentId + "/tasks", null, 200))
                .as("tasks held")
                .isEmpty();
        for (HeadlessChromium browser : browsers) {
            browser.close();
            assertThat(browser.closed()).as("Chromium stopped, profile deleted").isTrue();
        }
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(HeadlessChromium::close);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private JsonNode call(String method, String path, String body, int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", admin.basic())
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(20));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isEqualTo(expectedStatus);
        return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
    }
}
