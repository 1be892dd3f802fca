package dev.liaison.palettes.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liaison.palettes.support.MutableTestClock;
import dev.liaison.palettes.support.PalettesIntegrationTest;
import dev.liaison.palettes.support.RestCalls;
import dev.liaison.palettes.support.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Three wrong passwords within the window lock a user for ten minutes: the right password is refused like a wrong
 * one (HTTP Basic and the form alike, one message for every cause), the user's open session goes on, an admin sees
 * {@code lockedUntil} and may unlock it, and the lockout ends by itself. A success forgets earlier failures.
 */
@PalettesIntegrationTest
@TestPropertySource(
        properties = {
            "liaison.acd.loop-enabled=false",
            "liaison.security.sign-in.max-failures=3",
            "liaison.security.sign-in.lockout=10m",
            "liaison.security.sign-in.address-max-failures=1000"
        })
class WrongPasswordsLockTheUserIT {

    /** What the sign-in form says after any failure: which cause it was is not told. */
    private static final String GENERIC_ERROR =
            "<div class=\"alert alert-danger\" role=\"alert\">Invalid credentials</div>";

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    UserService userService;

    @Autowired
    MutableTestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    TestUsers users;
    RestCalls admin;
    TestUsers.Credentials user;

    @BeforeEach
    void setUp() {
        users = new TestUsers(userService);
        admin = new RestCalls(port, users.admin());
        user = users.designer();
    }

    @Test
    void threeWrongPasswordsLockTheUserUntilAnAdminUnlocksIt() throws Exception {
        double lockedBefore = count("locked");
        for (int i = 0; i < 3; i++) {
            assertThat(asUser(user.username(), "wrong-" + i).statusCode()).isEqualTo(401);
        }

        ResponseCheck right = asUser(user.username(), user.password());
        assertThat(right.statusCode()).as("the right password, while locked").isEqualTo(401);
        assertThat(right.code())
                .as("told apart from a wrong password by nothing")
                .isEqualTo("auth.unauthenticated");
        assertThat(count("locked") - lockedBefore).isEqualTo(1);

        JsonNode shown = admin.get("/api/v1/users/" + user.username()).getBody();
        assertThat(Instant.parse(shown.path("lockedUntil").asText()))
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(admin.get("/api/v1/users").getBody())
                .filteredOn(u -> u.path("username").asText().equals(user.username()))
                .extracting(u -> u.path("lockedUntil").asText())
                .containsExactly(shown.path("lockedUntil").asText());

        JsonNode unlocked =
                admin.post("/api/v1/users/" + user.username() + "/unlock", "").getBody();
        assertThat(unlocked.path("lockedUntil").isMissingNode()
                        || unlocked.path("lockedUntil").isNull())
                .isTrue();
        assertThat(asUser(user.username(), user.password()).statusCode()).isEqualTo(200);
    }

    @Test
    void theLockoutEndsByItselfAndASuccessForgetsEarlierFailures() throws Exception {
        for (int i = 0; i < 3; i++) {
            asUser(user.username(), "wrong-" + i);
        }
        assertThat(asUser(user.username(), user.password()).statusCode()).isEqualTo(401);

        clock.advance(Duration.ofMinutes(10));
        assertThat(asUser(user.username(), user.password()).statusCode()).isEqualTo(200);
        assertThat(failureRows(user.username()))
                .as("the success cleared the record")
                .isZero();

        asUser(user.username(), "wrong-a");
        asUser(user.username(), "wrong-b");
        assertThat(asUser(user.username(), user.password()).statusCode()).isEqualTo(200);
        asUser(user.username(), "wrong-c");
        assertThat(asUser(user.username(), user.password()).statusCode())
                .as("two failures, a success, one failure: not locked")
                .isEqualTo(200);
    }

    @Test
    void aLockedUserSignsInWithTheFormToOneMessageForEveryCauseAndItsOpenSessionGoesOn() throws Exception {
        Browser open = new Browser();
        assertThat(open.signIn(user.username(), user.password()).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));

        for (int i = 0; i < 3; i++) {
            asUser(user.username(), "wrong-" + i);
        }

        Browser other = new Browser();
        HttpResponse<String> refused = other.signIn(user.username(), user.password());
        assertThat(refused.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        String lockedPage = other.get("/login?error").body();
        assertThat(lockedPage).contains(GENERIC_ERROR);

        Browser stranger = new Browser();
        stranger.signIn("no-such-user-" + System.nanoTime(), "whatever-password");
        assertThat(stranger.get("/login?error").body().replaceAll("value=\"[^\"]+\"", ""))
                .as("a name no user has gets the same page")
                .isEqualTo(lockedPage.replaceAll("value=\"[^\"]+\"", ""));

        assertThat(open.api("/api/v1/users/me").statusCode())
                .as("guessing someone's password does not sign them out")
                .isEqualTo(200);
    }

    @Test
    void onlyAnAdminMayUnlock() {
        TestUsers.Credentials designer = users.designer();
        assertThat(new RestCalls(port, designer)
                        .post("/api/v1/users/" + user.username() + "/unlock", "")
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(admin.post("/api/v1/users/no-such-user/unlock", "")
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }

    @AfterEach
    void noLockoutLeftBehind() {
        userService.unlock(user.username());
        assertThat(failureRows(user.username())).isZero();
    }

    private int failureRows(String username) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM sign_in_failure f JOIN user_account u ON u.id = f.user_id WHERE u.username = ?",
                Integer.class,
                username);
    }

    private double count(String outcome) {
        return meters.counter(SignInEvents.METER, "outcome", outcome).count();
    }

    private record ResponseCheck(int statusCode, String code) {}

    private ResponseCheck asUser(String username, String password) {
        var response = new RestCalls(port, new TestUsers.Credentials(username, password)).get("/api/v1/users/me");
        JsonNode body = response.getBody();
        return new ResponseCheck(
                response.getStatusCode().value(),
                body == null ? null : body.path("code").asText(null));
    }

    /** A browser with its own cookies, signing in with the form. */
    private final class Browser {

        final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> get(String path) throws Exception {
            return client.send(
                    HttpRequest.newBuilder(uri(path))
                            .header("Accept", "text/html")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> api(String path) throws Exception {
            return client.send(
                    HttpRequest.newBuilder(uri(path))
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> signIn(String username, String password) throws Exception {
            Matcher token = FORM_TOKEN.matcher(get("/login").body());
            assertThat(token.find()).isTrue();
            String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                    + encode(token.group(1));
            return client.send(
                    HttpRequest.newBuilder(uri("/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "text/html")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
