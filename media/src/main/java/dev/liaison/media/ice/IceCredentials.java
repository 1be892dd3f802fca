package dev.liaison.media.ice;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** The local {@code ice-ufrag} and {@code ice-pwd} (RFC 8839 section 5.4: ice-chars, 4-256 and 22-256 long). */
public record IceCredentials(String ufrag, String pwd) {

    private static final Pattern ICE_CHARS = Pattern.compile("[A-Za-z0-9+/]+");
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    public IceCredentials {
        if (ufrag == null
                || ufrag.length() < 4
                || ufrag.length() > 256
                || !ICE_CHARS.matcher(ufrag).matches()) {
            throw new IllegalArgumentException("ice-ufrag must be 4-256 ice-chars");
        }
        if (pwd == null
                || pwd.length() < 22
                || pwd.length() > 256
                || !ICE_CHARS.matcher(pwd).matches()) {
            throw new IllegalArgumentException("ice-pwd must be 22-256 ice-chars");
        }
    }

    /** Fresh random credentials: an 8-character ufrag (48 bits) and a 24-character password (144 bits). */
    public static IceCredentials random(SecureRandom random) {
        return new IceCredentials(randomText(random, 8), randomText(random, 24));
    }

    private static String randomText(SecureRandom random, int length) {
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            text[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(text);
    }
}
