package dev.liaison.routes.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.routes.LiaisonApplication;
import dev.liaison.routes.support.ApiUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The development profile on a fresh embedded database creates the first ADMIN with a generated password, prints it
 * once, and the password works; a restart on the same database prints nothing and the password still works.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminPasswordIsGeneratedOnceIT {

    private static final Pattern PRINTED = Pattern.compile("user name: admin\\s+password:\\s+(\\S+)");
    private static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDirectory;

    @Test
    void theFirstStartPrintsAWorkingPasswordAndTheSecondPrintsNone(CapturedOutput output) throws Exception {
        String password;
        try (ConfigurableApplicationContext first = start()) {
            Matcher printed = PRINTED.matcher(output.getOut() + output.getErr());
            assertThat(printed.find()).as("the generated password is printed").isTrue();
            password = printed.group(1);
            assertThat(printed.find()).as("printed once").isFalse();
            assertThat(password).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo("admin");

            assertThat(me(first, "admin", password)).isEqualTo(200);
            assertThat(me(first, "admin", password + "x")).isEqualTo(401);
            String hash = first.getBean(JdbcTemplate.class)
                    .queryForObject("SELECT password_hash FROM user_account WHERE username = 'admin'", String.class);
            assertThat(hash).startsWith("{bcrypt}").doesNotContain(password);
        }
        int printedSoFar = (output.getOut() + output.getErr()).length();

        try (ConfigurableApplicationContext second = start()) {
            String secondStart = (output.getOut() + output.getErr()).substring(printedSoFar);
            assertThat(secondStart).contains("Started").doesNotContain("password:");
            assertThat(me(second, "admin", password)).isEqualTo(200);
            assertThat(second.getBean(JdbcTemplate.class)
                            .queryForObject("SELECT count(*) FROM user_account", Integer.class))
                    .as("no second administrator")
                    .isEqualTo(1);
        }
    }

    private static int me(ConfigurableApplicationContext context, String username, String password) throws Exception {
        String port = context.getEnvironment().getProperty("local.server.port");
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/users/me"))
                                .header("Authorization", ApiUsers.Credentials.basic(username, password))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LiaisonApplication.class)
                .profiles("dev")
                .run(
                        "--server.port=0",
                        "--liaison.sip.port=0",
                        "--liaison.sip.bind-address=127.0.0.1",
                        "--liaison.media.mux.port=0",
                        "--liaison.media.mux.bind-address=127.0.0.1",
                        "--spring.datasource.url=",
                        "--liaison.embedded-db.data-directory=" + dataDirectory);
    }
}
