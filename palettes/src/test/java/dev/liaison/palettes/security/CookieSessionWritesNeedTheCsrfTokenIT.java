package dev.liaison.palettes.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.liaison.palettes.support.HttpSessions;
import dev.liaison.palettes.support.PalettesIntegrationTest;
import dev.liaison.palettes.support.RestCalls;
import dev.liaison.palettes.support.TestUsers;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * A browser signs in with the form and then works with its session cookie: every state-changing request needs the
 * CSRF token and an allowed origin, and the session ends at sign-out or when an admin disables the account.
 */
@PalettesIntegrationTest
class CookieSessionWritesNeedTheCsrfTokenIT {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    UserService userService;

    @Autowired
    ServletWebServerApplicationContext web;

    TestUsers users;
    CookieManager cookies;
    HttpClient browser;
    HttpSessions sessions;
    long signedInBefore;

    @BeforeEach
    void setUp() {
        users = new TestUsers(userService);
        cookies = new CookieManager();
        browser = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        sessions = new HttpSessions(web);
        signedInBefore = sessions.signedIn();
    }

    @Test
    void aSessionPostWithoutTheTokenIsRefusedAndWithItAccepted() throws Exception {
        TestUsers.Credentials admin = users.admin();
        signIn(admin);

        HttpResponse<String> me = send(get("/api/v1/users/me"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).path("username").asText()).isEqualTo(admin.username());

        HttpResponse<String> noToken = send(postJson("/api/v1/skills", skill()));
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(noToken.body()).path("code").asText()).isEqualTo("auth.csrf_token_invalid");

        HttpResponse<String> wrongToken =
                send(postJson("/api/v1/skills", skill()).header("X-XSRF-TOKEN", "forged"));
        assertThat(JSON.readTree(wrongToken.body()).path("code").asText()).isEqualTo("auth.csrf_token_invalid");

        HttpResponse<String> withToken =
                send(postJson("/api/v1/skills", skill()).header("X-XSRF-TOKEN", cookie("XSRF-TOKEN")));
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);

        signOut();
        assertThat(send(get("/api/v1/users/me")).statusCode()).isEqualTo(401);
    }

    @Test
    void aWriteFromAnotherOriginIsRefusedEvenWithTheToken() throws Exception {
        signIn(users.admin());
        send(get("/api/v1/users/me"));

        HttpResponse<String> foreign = send(postJson("/api/v1/skills", skill())
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                .header("Origin", "https://elsewhere.example"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(foreign.body()).path("code").asText()).isEqualTo("auth.origin_not_allowed");

        HttpResponse<String> own = send(postJson("/api/v1/skills", skill())
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                .header("Origin", "http://localhost:" + port));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        signOut();
    }

    @Test
    void basicCredentialsFromAnotherOriginAreRefusedToo() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/skills"))
                .header("Authorization", RestCalls.basic(users.admin()))
                .header("Content-Type", "application/json")
                .header("Origin", "https://elsewhere.example")
                .POST(HttpRequest.BodyPublishers.ofString(skill()))
                .build();

        assertThat(sendQuietly(request).statusCode()).isEqualTo(403);
    }

    @Test
    void disablingAnAccountEndsItsSession() throws Exception {
        TestUsers.Credentials agent = users.agent(null);
        signIn(agent);
        assertThat(send(get("/api/v1/users/me")).statusCode()).isEqualTo(200);

        new RestCalls(port, users.admin()).post("/api/v1/users/" + agent.username() + "/disable", "{}");

        HttpResponse<String> after = send(get("/api/v1/users/me"));
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(after.body()).path("code").asText()).isEqualTo("auth.unauthenticated");
    }

    @Test
    void aWrongPasswordOnTheFormSignsNobodyIn() throws Exception {
        TestUsers.Credentials admin = users.admin();
        HttpResponse<String> failed = submitLogin(admin.username(), admin.password() + "-wrong");

        assertThat(failed.statusCode()).isEqualTo(302);
        assertThat(failed.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(send(get("/api/v1/users/me")).statusCode()).isEqualTo(401);
    }

    @Test
    void aBrowserOpeningAUserInterfaceIsSentToTheSignInForm() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/admin/")).header("Accept", "text/html"));

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @AfterEach
    void noSignedInSessionIsLeft() {
        assertThat(sessions.signedIn()).isEqualTo(signedInBefore);
    }

    private void signIn(TestUsers.Credentials user) throws Exception {
        HttpResponse<String> signedIn = submitLogin(user.username(), user.password());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(cookie("JSESSIONID")).isNotBlank();
    }

    private HttpResponse<String> submitLogin(String username, String password) throws Exception {
        HttpResponse<String> form = send(get("/login"));
        assertThat(form.statusCode()).isEqualTo(200);
        Matcher token = FORM_TOKEN.matcher(form.body());
        assertThat(token.find()).as("the sign-in form carries a CSRF token").isTrue();

        HttpResponse<String> withoutToken =
                send(form("/login", "username=" + encode(username) + "&password=" + encode(password)));
        assertThat(withoutToken.statusCode())
                .as("sign-in itself needs the token")
                .isEqualTo(403);

        return send(form(
                "/login",
                "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1))));
    }

    private void signOut() throws Exception {
        HttpResponse<String> out =
                send(form("/logout", "_csrf=" + encode(cookie("XSRF-TOKEN"))).header("Accept", "text/html"));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
    }

    private String cookie(String name) {
        return cookies.getCookieStore().get(URI.create("http://localhost:" + port)).stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .filter(value -> !value.isEmpty())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name));
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private HttpRequest.Builder postJson(String path, String json) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpRequest.Builder form(String path, String body) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> sendQuietly(HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String skill() {
        return "{\"name\":\"csrf-" + UUID.randomUUID().toString().substring(0, 8) + "\"}";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
