package dev.liaison.palettes.context;

import java.util.regex.Pattern;

/** The shape of context keys: a letter, then letters, digits, {@code _}, {@code .} or {@code -}. */
final class ContextKeys {

    static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    private ContextKeys() {}

    /**
     * Checks the key of the entry at {@code index} of a write.
     *
     * @throws InvalidContextEntryException when the key is longer than {@code maxLength} or does not match the pattern
     */
    static void check(int index, String key, int maxLength) {
        if (key.length() > maxLength) {
            throw InvalidContextEntryException.keyTooLong(index, maxLength);
        }
        if (!KEY.matcher(key).matches()) {
            throw InvalidContextEntryException.keyInvalid(index);
        }
    }
}
