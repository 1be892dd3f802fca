package dev.liaison.gateway.sip;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.sip.message.Response;

/**
 * The dialog a {@code Replaces} header names (RFC 3891 6.1): {@code callid *(SEMI replaces-param)} with the mandatory
 * {@code to-tag} and {@code from-tag} and the optional {@code early-only} flag. The tags are as the recipient of the
 * INVITE sees the dialog: {@code to-tag} is its local tag, {@code from-tag} the remote one.
 *
 * <p>Parsing is strict and bounded: anything that is not the grammar (a missing or repeated tag, a character outside
 * the Call-ID or token sets, a bad {@code %}-escape in the URI header form) is a {@link SipStatusException} 400 whose
 * reason phrase says what is wrong, so a REFER or INVITE that carries it is refused before anything happens.
 *
 * @param callId the Call-ID of the dialog
 * @param toTag the tag of the INVITE recipient in that dialog
 * @param fromTag the tag of the other end of that dialog
 * @param earlyOnly whether only an early dialog may be replaced
 */
record ReplacedDialog(String callId, String toTag, String fromTag, boolean earlyOnly) {

    /** The longest header value accepted (after unescaping). */
    static final int MAX_LENGTH = 512;

    static final int MAX_TAG_LENGTH = 128;

    // RFC 3261 25.1: word (the Call-ID's characters) and token.
    private static final String WORD = "[A-Za-z0-9\\-.!%*_+`'~()<>:\\\\\"/\\[\\]?{}]+";
    private static final Pattern CALL_ID = Pattern.compile(WORD + "(@" + WORD + ")?");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9\\-.!%*_+`'~]+");

    /** The value of a {@code Replaces} header field, e.g. {@code 98asjd8@host;to-tag=12;from-tag=34}. */
    static ReplacedDialog parse(String value) {
        if (value == null || value.isBlank()) {
            throw bad("empty Replaces");
        }
        if (value.length() > MAX_LENGTH) {
            throw bad("Replaces longer than " + MAX_LENGTH + " characters");
        }
        String[] parts = value.split(";", -1);
        String callId = parts[0].trim();
        if (!CALL_ID.matcher(callId).matches()) {
            throw bad("Replaces has no valid Call-ID");
        }
        String toTag = null;
        String fromTag = null;
        boolean earlyOnly = false;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            int equals = part.indexOf('=');
            String name = (equals < 0 ? part : part.substring(0, equals)).trim().toLowerCase(Locale.ROOT);
            String paramValue = equals < 0 ? null : part.substring(equals + 1).trim();
            if (!TOKEN.matcher(name).matches()) {
                throw bad("Replaces has a malformed parameter");
            }
            switch (name) {
                case "to-tag" -> {
                    if (toTag != null) {
                        throw bad("Replaces has two to-tags");
                    }
                    toTag = tag(name, paramValue);
                }
                case "from-tag" -> {
                    if (fromTag != null) {
                        throw bad("Replaces has two from-tags");
                    }
                    fromTag = tag(name, paramValue);
                }
                case "early-only" -> {
                    if (paramValue != null) {
                        throw bad("Replaces early-only takes no value");
                    }
                    earlyOnly = true;
                }
                default -> {
                    // A generic parameter (RFC 3891 6.1): allowed, and meaningless to us.
                    if (paramValue != null && paramValue.isEmpty()) {
                        throw bad("Replaces has a malformed parameter");
                    }
                }
            }
        }
        if (toTag == null) {
            throw bad("Replaces without to-tag");
        }
        if (fromTag == null) {
            throw bad("Replaces without from-tag");
        }
        return new ReplacedDialog(callId, toTag, fromTag, earlyOnly);
    }

    /**
     * The value of a {@code Replaces} header carried in a URI ({@code ?Replaces=...} of a Refer-To, RFC 3261 19.1.1):
     * {@code %HH} escapes decoded (and nothing else: a {@code +} stays a {@code +}), then {@link #parse}d.
     */
    static ReplacedDialog fromUriHeader(String escaped) {
        if (escaped == null) {
            throw bad("empty Replaces");
        }
        if (escaped.length() > 3 * MAX_LENGTH) {
            throw bad("Replaces longer than " + MAX_LENGTH + " characters");
        }
        return parse(unescape(escaped));
    }

    /** The canonical header value: {@code callid;to-tag=...;from-tag=...[;early-only]}. */
    String headerValue() {
        return callId + ";to-tag=" + toTag + ";from-tag=" + fromTag + (earlyOnly ? ";early-only" : "");
    }

    @Override
    public String toString() {
        return headerValue();
    }

    private static String tag(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw bad("Replaces " + name + " has no value");
        }
        if (value.length() > MAX_TAG_LENGTH || !TOKEN.matcher(value).matches()) {
            throw bad("Replaces " + name + " is not a valid tag");
        }
        return value;
    }

    private static String unescape(String escaped) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '%') {
                if (i + 2 >= escaped.length()) {
                    throw bad("Replaces has a truncated %-escape");
                }
                int high = Character.digit(escaped.charAt(i + 1), 16);
                int low = Character.digit(escaped.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw bad("Replaces has a bad %-escape");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c > 0x20 && c < 0x7f) {
                bytes.write(c);
            } else {
                throw bad("Replaces has an unescaped control or non-ASCII character");
            }
        }
        String decoded = bytes.toString(StandardCharsets.US_ASCII);
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                throw bad("Replaces has an escaped control or non-ASCII character");
            }
        }
        return decoded;
    }

    private static SipStatusException bad(String why) {
        return SipStatusException.withReason(Response.BAD_REQUEST, why);
    }
}
