package dev.liaison.routes.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.liaison.palettes.security.UserService;
import dev.liaison.routes.support.ApiUsers;
import dev.liaison.routes.support.HeadlessChromium;
import dev.liaison.routes.support.LiaisonIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 6, the admin console in headless Chromium: an admin signs in through {@code /login} and lands on {@code
 * /admin/}, creates a skill, a queue whose target expression is first typed with an error (the field shows the
 * column the server reports, then the canonical form once fixed), and an agent with that skill and a chat capacity.
 * The dashboard, fed by the statistics stream, shows the task queued through the REST API and the agent going
 * available without a reload; a screenshot of it is kept in {@code target/screenshots/admin-dashboard.png}. Every
 * control is labelled, the sections and forms work from the keyboard, the configured sites and dial plan are listed
 * and a destination and a site are added (the site's bad origin refused first, with its field), and a user without
 * ADMIN gets a clear message. Ends with no statistics stream, task or Chromium left.
 */
@LiaisonIntegrationTest
class AdminSetsUpRoutingAndWatchesTheLiveDashboardIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Every input, select and textarea of the page without a label, and every button without a name. */
    private static final String UNLABELLED =
            """
            (() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
              .filter(el => el.offsetParent !== null)
              .filter(el => el.tagName === 'BUTTON'
                ? !(el.textContent.trim() || el.getAttribute('aria-label'))
                : !(el.labels.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')))
              .map(el => el.outerHTML.slice(0, 120)))()
            """;

    @LocalServerPort
    int port;

    @Autowired
    UserService userService;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        registry.add("liaison.sites.acme.allowed-origins", () -> "https://shop.example.com");
        registry.add("liaison.sites.acme.destinations", () -> "support");
        registry.add("liaison.dial-plan.destinations.support", () -> "client:agent-7");
    }

    @Test
    void anAdminSetsUpASkillAQueueAndAnAgentAndTheDashboardFollowsTheContact() throws Exception {
        ApiUsers users = new ApiUsers(userService);
        ApiUsers.Credentials admin = users.admin();
        ApiUsers.Credentials metrics = users.metrics();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String skill = "billing-" + suffix;
        String queue = "billing-q-" + suffix;
        String login = "ana" + suffix;
        String base = "http://127.0.0.1:" + port;
        String taskId;
        String agentId;

        HeadlessChromium browser = HeadlessChromium.open(base + "/admin/", 1280, 1000);
        try {
            signIn(browser, admin);
            browser.awaitValue(
                    "the dashboard after sign-in", "document.querySelector('main').dataset.page", v -> v.asText()
                            .equals("dashboard"));
            assertThat(browser.evaluate("location.pathname").asText()).isEqualTo("/admin/");
            browser.awaitValue("the live feed connected", "document.querySelector('.live').textContent", v -> v.asText()
                    .equals("Live"));
            assertThat(browser.evaluate(UNLABELLED))
                    .as("unlabelled controls on the dashboard")
                    .isEmpty();

            // A skill, typed into the form.
            go(browser, "skills");
            focus(browser, "form[aria-label=\"New skill\"] input[name=name]");
            browser.type(skill);
            click(browser, "form[aria-label=\"New skill\"] button[type=submit]");
            browser.awaitValue(
                    "the new skill in the list",
                    "!!document.querySelector('tr[data-skill=\"" + skill + "\"]')",
                    JsonNode::asBoolean);

            // A queue: the expression typed with an error first, then fixed.
            go(browser, "queues");
            click(browser, "main p button");
            browser.awaitValue(
                    "the new-queue form",
                    "!!document.querySelector('form[aria-label=\"New queue\"]')",
                    JsonNode::asBoolean);
            assertThat(browser.evaluate("document.activeElement.name").asText())
                    .as("the form's first field has the focus")
                    .isEqualTo("name");
            browser.type(queue);
            String broken = "skills HAS '" + skill + "' AND";
            int column = api(admin, "POST", "/api/v1/expressions/check", "{\"expression\":\"" + broken + "\"}")
                    .path("column")
                    .asInt();
            assertThat(column)
                    .as("the server's column for the broken expression")
                    .isPositive();
            focus(browser, "input.expression");
            browser.type(broken);
            JsonNode feedback = browser.awaitValue(
                    "the error and its column under the expression",
                    "(() => { const f = document.querySelector('.feedback'); return f.dataset.state === 'invalid'"
                            + " ? {column: f.dataset.column, text: f.textContent,"
                            + " invalid: document.querySelector('input.expression').getAttribute('aria-invalid')}"
                            + " : null; })()",
                    AdminSetsUpRoutingAndWatchesTheLiveDashboardIT::present);
            assertThat(feedback.path("column").asInt()).isEqualTo(column);
            assertThat(feedback.path("text").asText()).contains("Error at column " + column);
            assertThat(feedback.path("invalid").asText()).isEqualTo("true");
            assertThat(browser.evaluate("document.querySelector('input.expression').getAttribute('aria-describedby')"
                                    + ".split(' ').includes(document.querySelector('.feedback').id)")
                            .asBoolean())
                    .as("the feedback describes the field")
                    .isTrue();
            browser.evaluate("document.querySelector('input.expression').select(); true");
            browser.type("skills HAS '" + skill + "'");
            JsonNode valid = browser.awaitValue(
                    "the expression accepted",
                    "(() => { const f = document.querySelector('.feedback'); return f.dataset.state === 'valid'"
                            + " ? f.textContent : null; })()",
                    AdminSetsUpRoutingAndWatchesTheLiveDashboardIT::present);
            assertThat(valid.asText()).startsWith("Valid: ").contains(skill);
            assertThat(browser.evaluate(UNLABELLED))
                    .as("unlabelled controls of the queue form")
                    .isEmpty();
            click(browser, "form[aria-label=\"New queue\"] button[type=submit]");
            browser.awaitValue(
                    "the new queue in the list",
                    "!!document.querySelector('tr[data-queue=\"" + queue + "\"]')",
                    JsonNode::asBoolean);
            assertThat(api(admin, "GET", "/api/v1/queues/" + queue, null)
                            .path("targetExpression")
                            .asText())
                    .isEqualTo("skills HAS '" + skill + "'");

            // A queue that already exists: the problem and its code are shown.
            click(browser, "main p button");
            focus(browser, "form[aria-label=\"New queue\"] input[name=name]");
            browser.type(queue);
            focus(browser, "input.expression");
            browser.type("true");
            click(browser, "form[aria-label=\"New queue\"] button[type=submit]");
            browser.awaitValue(
                    "the problem shown with its code",
                    "document.querySelector('.problem')?.dataset.code",
                    v -> v.asText().equals("queue.exists"));

            // An agent with the skill at proficiency 7 and two chats at once.
            go(browser, "agents");
            click(browser, "main p button");
            browser.awaitValue(
                    "the new-agent form",
                    "!!document.querySelector('form[aria-label=\"New agent\"]')",
                    JsonNode::asBoolean);
            browser.type(login);
            focus(browser, "form[aria-label=\"New agent\"] input[name=displayName]");
            browser.type("Ana");
            clickButton(browser, "Add skill");
            assertThat(browser.evaluate("document.activeElement.name").asText()).isEqualTo("skill");
            browser.evaluate("(() => { const s = document.activeElement; s.value = '" + skill + "';"
                    + " s.dispatchEvent(new Event('change')); return true; })()");
            browser.evaluate("(() => { const p = document.querySelector('input[name=proficiency]'); p.select();"
                    + " p.focus(); return true; })()");
            browser.type("7");
            focus(browser, "input[name=capacity-chat]");
            browser.type("2");
            assertThat(browser.evaluate(UNLABELLED))
                    .as("unlabelled controls of the agent form")
                    .isEmpty();
            click(browser, "form[aria-label=\"New agent\"] button[type=submit]");
            JsonNode agentRow = browser.awaitValue(
                    "the new agent in the list",
                    "document.querySelector('tr[data-agent=\"" + login + "\"]')?.textContent",
                    AdminSetsUpRoutingAndWatchesTheLiveDashboardIT::present);
            assertThat(agentRow.asText())
                    .contains(skill + " 7")
                    .contains("chat 2")
                    .contains("OFFLINE");
            JsonNode agent = findAgent(admin, login);
            agentId = agent.path("id").asText();
            assertThat(agent.path("skills").path(skill).asInt()).isEqualTo(7);
            assertThat(agent.path("capacity").path("chat").asInt()).isEqualTo(2);

            // The other forms are labelled too.
            go(browser, "workflows");
            click(browser, "main p button");
            browser.awaitValue(
                    "the new-workflow form",
                    "!!document.querySelector('form[aria-label=\"New workflow\"]')",
                    JsonNode::asBoolean);
            assertThat(browser.evaluate(UNLABELLED))
                    .as("unlabelled controls of the workflow form")
                    .isEmpty();
            go(browser, "users");
            click(browser, "main p button");
            browser.awaitValue(
                    "the new-user form",
                    "!!document.querySelector('form[aria-label=\"New user\"]')",
                    JsonNode::asBoolean);
            assertThat(browser.evaluate(UNLABELLED))
                    .as("unlabelled controls of the user form")
                    .isEmpty();

            // Sites and the dial plan: the configured ones listed; a destination and a site added, the site's
            // origin first refused.
            go(browser, "sites");
            JsonNode site = browser.awaitValue(
                    "the configured site",
                    "document.querySelector('tr[data-site=acme]')?.textContent",
                    AdminSetsUpRoutingAndWatchesTheLiveDashboardIT::present);
            assertThat(site.asText()).contains("https://shop.example.com").contains("support");
            assertThat(browser.evaluate("document.querySelector('tr[data-destination=support]').textContent")
                            .asText())
                    .contains("client:agent-7");
            String destination = "sales-" + suffix;
            String newSite = "outlet-" + suffix;
            clickButton(browser, "New destination");
            browser.type(destination);
            focus(browser, "form[aria-label=\"New destination\"] input[name=target]");
            browser.type("ws-sip:sales");
            click(browser, "form[aria-label=\"New destination\"] button[type=submit]");
            browser.awaitValue(
                    "the new destination listed",
                    "!!document.querySelector('tr[data-destination=\"" + destination + "\"]')",
                    JsonNode::asBoolean);
            clickButton(browser, "New site");
            browser.type(newSite);
            focus(browser, "form[aria-label=\"New site\"] textarea[name=allowedOrigins]");
            browser.type("https://Outlet.example.com/shop");
            click(browser, "form[aria-label=\"New site\"] input[value=\"" + destination + "\"]");
            assertThat(browser.evaluate(UNLABELLED))
                    .as("unlabelled controls of the site form")
                    .isEmpty();
            click(browser, "form[aria-label=\"New site\"] button[type=submit]");
            JsonNode refused = browser.awaitValue(
                    "the bad origin refused",
                    "(() => { const p = document.querySelector('form[aria-label=\"New site\"] .problem');"
                            + " return p ? {code: p.dataset.code, field: p.dataset.field, text: p.textContent} : null; })()",
                    AdminSetsUpRoutingAndWatchesTheLiveDashboardIT::present);
            assertThat(refused.path("code").asText()).isEqualTo("site.invalid");
            assertThat(refused.path("field").asText()).isEqualTo("allowedOrigins");
            assertThat(refused.path("text").asText()).contains("site.invalid");
            browser.evaluate("document.querySelector('textarea[name=allowedOrigins]').select(); true");
            browser.type("https://outlet.example.com");
            click(browser, "form[aria-label=\"New site\"] button[type=submit]");
            JsonNode saved = browser.awaitValue(
                    "the new site listed",
                    "document.querySelector('tr[data-site=\"" + newSite + "\"]')?.textContent",
                    AdminSetsUpRoutingAndWatchesTheLiveDashboardIT::present);
            assertThat(saved.asText()).contains("https://outlet.example.com").contains(destination);
            assertThat(api(admin, "GET", "/api/v1/sites/" + newSite, null)
                            .path("destinations")
                            .get(0)
                            .asText())
                    .isEqualTo(destination);

            // From the keyboard: Tab to the Queues section, Enter, Tab to "New queue", Enter.
            go(browser, "dashboard");
            browser.evaluate("document.activeElement.blur(); window.scrollTo(0, 0); true");
            tabTo(browser, "document.activeElement.getAttribute('href') === '#queues'");
            browser.pressEnter();
            browser.awaitValue(
                    "the queues page opened with Enter", "document.querySelector('main').dataset.page", v -> v.asText()
                            .equals("queues"));
            tabTo(browser, "document.activeElement.textContent === 'New queue'");
            browser.pressEnter();
            browser.awaitValue(
                    "the form opened with Enter, its first field focused",
                    "document.activeElement.name === 'name' && !!document.activeElement.closest('form')",
                    JsonNode::asBoolean);

            // The dashboard follows a task queued through the API and the agent going available.
            go(browser, "dashboard");
            browser.evaluate("window.notReloaded = true; true");
            browser.awaitValue("the queue on the dashboard, empty", waitingOf(queue), v -> v.asText()
                    .equals("0"));
            // Streams of earlier visits were closed by the page; the server drops each at its next send.
            Awaitility.await("only this visit's stream open")
                    .atMost(Duration.ofSeconds(10))
                    .until(this::streams, open -> open == 1.0);
            String correlation = api(admin, "POST", "/api/v1/interactions", "{\"channel\":\"chat\"}")
                    .path("correlationId")
                    .asText();
            taskId = api(
                            admin,
                            "POST",
                            "/api/v1/tasks",
                            "{\"correlationId\":\"" + correlation + "\",\"channel\":\"chat\",\"queue\":\"" + queue
                                    + "\"}")
                    .path("id")
                    .asText();
            browser.awaitValue("the queued task on the dashboard", waitingOf(queue), v -> v.asText()
                    .equals("1"));
            assertThat(browser.evaluate("document.querySelector('[data-tile=waiting] .value').textContent")
                            .asInt())
                    .isGreaterThanOrEqualTo(1);
            api(admin, "PUT", "/api/v1/agents/" + agentId + "/state", "{\"state\":\"AVAILABLE\"}");
            JsonNode state = browser.awaitValue(
                    "the agent signed in on the dashboard",
                    "document.querySelector('tr[data-agent=\"" + login + "\"]')?.dataset.state",
                    v -> v.asText().equals("AVAILABLE") || v.asText().equals("RESERVED"));
            assertThat(browser.evaluate("document.querySelector('[data-tile=agents-" + state.asText()
                                    + "] .value').textContent")
                            .asInt())
                    .isGreaterThanOrEqualTo(1);
            assertThat(browser.evaluate("window.notReloaded === true").asBoolean())
                    .as("updated in place, not reloaded")
                    .isTrue();
            Path screenshot = browser.screenshot(SCREENSHOTS.resolve("admin-dashboard.png"));
            assertThat(Files.size(screenshot)).isPositive();

            // A user without ADMIN is told so.
            click(browser, "#signout button");
            browser.awaitValue("signed out", "location.pathname + location.search", v -> v.asText()
                    .equals("/login?logout"));
            browser.evaluate("location.assign('" + base + "/admin/'); true");
            signIn(browser, metrics);
            browser.awaitValue(
                    "the message for a non-admin", "document.querySelector('main').dataset.page", v -> v.asText()
                            .equals("forbidden"));
            assertThat(browser.evaluate("document.querySelector('main').textContent")
                            .asText())
                    .contains("needs the ADMIN role");
            assertThat(browser.evaluate("document.getElementById('nav').hidden").asBoolean())
                    .isTrue();
        } finally {
            browser.close();
        }
        assertThat(browser.closed()).as("Chromium and its processes gone").isTrue();

        // The site and dial-plan API: ADMIN only; what the console added goes again.
        assertThat(status(metrics, "/api/v1/sites")).isEqualTo(403);
        assertThat(status(metrics, "/api/v1/dial-plan/destinations")).isEqualTo(403);
        api(admin, "DELETE", "/api/v1/sites/outlet-" + suffix, null);
        api(admin, "DELETE", "/api/v1/dial-plan/destinations/sales-" + suffix, null);

        // Nothing left: the task canceled, the agent signed out, no statistics stream open.
        api(admin, "POST", "/api/v1/tasks/" + taskId + "/cancel", "{}");
        api(admin, "PUT", "/api/v1/agents/" + agentId + "/state", "{\"state\":\"OFFLINE\"}");
        assertThat(api(admin, "GET", "/api/v1/queues/" + queue + "/tasks", null))
                .isEmpty();
        Awaitility.await("no statistics stream left")
                .atMost(Duration.ofSeconds(15))
                .until(this::streams, open -> open == 0.0);
    }

    /** A value the page gave: not null, not undefined. */
    private static boolean present(JsonNode value) {
        return !value.isNull() && !value.isMissingNode();
    }

    private static void signIn(HeadlessChromium browser, ApiUsers.Credentials user) {
        browser.awaitValue(
                "the sign-in form",
                "location.pathname === '/login' && !!document.getElementById('username')",
                JsonNode::asBoolean);
        focus(browser, "#username");
        browser.type(user.username());
        focus(browser, "#password");
        browser.type(user.password());
        browser.pressEnter();
    }

    private static void go(HeadlessChromium browser, String page) {
        click(browser, "#nav a[href=\"#" + page + "\"]");
        browser.awaitValue("the " + page + " page", "document.querySelector('main').dataset.page", v -> v.asText()
                .equals(page));
    }

    private static void focus(HeadlessChromium browser, String selector) {
        browser.evaluate("(() => { const el = document.querySelector('" + selector.replace("'", "\\'") + "');"
                + " if (!el) { throw new Error('no " + selector.replace("'", "\\'") + "'); } el.focus(); return true;"
                + " })()");
    }

    private static void click(HeadlessChromium browser, String selector) {
        browser.evaluate("(() => { const el = document.querySelector('" + selector.replace("'", "\\'") + "');"
                + " if (!el) { throw new Error('no " + selector.replace("'", "\\'") + "'); } el.click(); return true;"
                + " })()");
    }

    private static void clickButton(HeadlessChromium browser, String text) {
        browser.evaluate("(() => { const b = [...document.querySelectorAll('button')].find(b => b.textContent === '"
                + text + "'); b.click(); return true; })()");
    }

    /** Presses Tab until {@code condition} holds for the focused element (at most 40 times). */
    private static void tabTo(HeadlessChromium browser, String condition) {
        for (int i = 0; i < 40; i++) {
            if (browser.evaluate(condition).asBoolean()) {
                return;
            }
            browser.pressTab();
        }
        assertThat(browser.evaluate(condition).asBoolean())
                .as("reached with Tab: " + condition)
                .isTrue();
    }

    private static String waitingOf(String queue) {
        return "document.querySelector('tr[data-queue=\"" + queue + "\"] td:nth-child(2)')?.textContent";
    }

    private double streams() {
        return meters.get("liaison.dashboard.streams").gauge().value();
    }

    private JsonNode findAgent(ApiUsers.Credentials admin, String login) throws IOException, InterruptedException {
        for (JsonNode agent : api(admin, "GET", "/api/v1/agents", null)) {
            if (agent.path("login").asText().equals(login)) {
                return agent;
            }
        }
        throw new AssertionError("no agent " + login);
    }

    private int status(ApiUsers.Credentials user, String path) throws IOException, InterruptedException {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Authorization", user.basic())
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private JsonNode api(ApiUsers.Credentials user, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", user.basic())
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        boolean expressionCheck = path.endsWith("/expressions/check");
        assertThat(response.statusCode() < 300 || (expressionCheck && response.statusCode() == 400))
                .as(method + " " + path + " -> " + response.statusCode() + " " + response.body())
                .isTrue();
        return json;
    }
}
