package dev.liaison.palettes.context;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalizes the identity a site supplies for a customer, so that the same person compares equal however the value was
 * typed. An identity key is {@code <kind>:<value>}:
 *
 * <ul>
 *   <li>{@code customer:<id>}: the site's own verified customer id, kept as given apart from surrounding blanks;
 *   <li>{@code phone:<number>}: blanks, dashes, dots, slashes and parentheses dropped, a leading {@code 00} becomes
 *       {@code +}; 3 to 20 digits must remain;
 *   <li>{@code email:<address>}: trimmed and lower-cased.
 * </ul>
 *
 * The kind is case-insensitive. A missing or blank key means "no identity".
 */
public final class IdentityKeys {

    /** Longest identity key accepted, before normalization. */
    public static final int MAX_LENGTH = 320;

    private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s\\-./()]");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{3,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private IdentityKeys() {}

    /**
     * The normalized form of an identity key, or {@code null} when none was given.
     *
     * @throws InvalidIdentityKeyException when the key is present but not in an accepted form
     */
    public static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > MAX_LENGTH) {
            throw new InvalidIdentityKeyException("must be at most " + MAX_LENGTH + " characters");
        }
        int colon = raw.indexOf(':');
        if (colon < 0) {
            throw new InvalidIdentityKeyException("must be customer:<id>, phone:<number> or email:<address>");
        }
        String kind = raw.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = raw.substring(colon + 1).trim();
        if (CONTROL.matcher(value).find()) {
            throw new InvalidIdentityKeyException("must not contain control characters");
        }
        return switch (kind) {
            case "customer" -> "customer:" + customer(value);
            case "phone" -> "phone:" + phone(value);
            case "email" -> "email:" + email(value);
            default ->
                throw new InvalidIdentityKeyException("has unknown kind '" + kind + "': use customer, phone or email");
        };
    }

    private static String customer(String value) {
        if (value.isEmpty()) {
            throw new InvalidIdentityKeyException("must have a customer id after 'customer:'");
        }
        return value;
    }

    private static String phone(String value) {
        String digits = PHONE_PUNCTUATION.matcher(value).replaceAll("");
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        }
        if (!PHONE.matcher(digits).matches()) {
            throw new InvalidIdentityKeyException("must have a phone number of 3 to 20 digits after 'phone:'");
        }
        return digits;
    }

    private static String email(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(lower).matches()) {
            throw new InvalidIdentityKeyException("must have an e-mail address after 'email:'");
        }
        return lower;
    }
}
