package dev.liaison.palettes.security;

import java.util.regex.Pattern;

/** What a user name may be: the same shape as an agent login, checked by the schema too. */
final class UserNames {

    static final int MAX_LENGTH = 100;
    static final String REGEX = "[A-Za-z0-9][A-Za-z0-9_.@-]{0,99}";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private UserNames() {}

    static boolean isValid(String username) {
        return username != null && PATTERN.matcher(username).matches();
    }
}
