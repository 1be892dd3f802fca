package dev.liaison.palettes.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordRulesTest {

    private final PasswordRules rules = new PasswordRules(12);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "admin",
                "changeme",
                "Changeme123456",
                "password1234",
                "Password-1234",
                "liaison-liaison",
                "aaaaaaaaaaaaaaaa",
                "abababababababab",
                "supersecret-2024",
                "my-alice1-password"
            })
    void defaultLookingOrShortPasswordsAreRefused(String password) {
        assertThat(rules.problem(password, "alice1")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tq8-vR2m!xLp", "correct horse battery staple", "9f3b1c0e7d2a4b68"})
    void longRandomLookingPasswordsAreAccepted(String password) {
        assertThat(rules.problem(password, "alice1")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {73, 100})
    void passwordsLongerThanBcryptReadsAreRefused(int length) {
        assertThat(rules.problem("x1y2".repeat(length / 4 + 1).substring(0, length), "alice1"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("72 bytes"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://Admin.Example.com:443", "https://admin.example.com/", "https://admin.example.com"})
    void originsAreComparedWithoutDefaultPortsOrCase(String origin) {
        assertThat(SecurityProperties.normalizeOrigin(origin.replaceAll("/$", "")))
                .isEqualTo("https://admin.example.com");
    }
}
