package dev.liaison.palettes.security;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be: long enough, at most 72 bytes (what bcrypt reads), and not one that looks like a default
 * ({@code admin}, {@code changeme}, the user's own name, one character repeated, ...).
 */
final class PasswordRules {

    static final int MAX_BYTES = 72;

    private static final Set<String> DEFAULT_LOOKING = Set.of(
            "admin",
            "administrator",
            "password",
            "passw0rd",
            "changeme",
            "changeit",
            "secret",
            "liaison",
            "default",
            "letmein",
            "welcome",
            "qwerty",
            "root",
            "test",
            "demo");

    private final int minLength;

    PasswordRules(int minLength) {
        this.minLength = minLength;
    }

    /** Why {@code password} may not be used for {@code username}, or empty when it may. */
    Optional<String> problem(String password, String username) {
        if (password == null || password.isEmpty()) {
            return Optional.of("is required");
        }
        if (password.codePointCount(0, password.length()) < minLength) {
            return Optional.of("must be at least " + minLength + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes");
        }
        if (looksLikeADefault(password, username)) {
            return Optional.of("looks like a default password; choose a random one");
        }
        return Optional.empty();
    }

    /** A password someone might leave configured: a well-known default, the user name, or a repeated character. */
    static boolean looksLikeADefault(String password, String username) {
        String folded = password.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String lettersOnly = folded.replaceAll("[0-9]+$", "");
        if (folded.isEmpty() || DEFAULT_LOOKING.contains(folded) || DEFAULT_LOOKING.contains(lettersOnly)) {
            return true;
        }
        String name = username == null ? "" : username.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (name.length() >= 4 && folded.contains(name)) {
            return true;
        }
        for (String word : DEFAULT_LOOKING) {
            if (word.length() >= 6 && folded.contains(word)) {
                return true;
            }
        }
        return folded.chars().distinct().count() <= 2;
    }
}
