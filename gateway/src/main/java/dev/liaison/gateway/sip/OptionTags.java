package dev.liaison.gateway.sip;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.sip.header.AllowHeader;
import javax.sip.header.Header;
import javax.sip.header.RequireHeader;
import javax.sip.header.SupportedHeader;
import javax.sip.message.Message;

/** Reads the option tags of {@code Require} and {@code Supported} and the methods of {@code Allow} (RFC 3261 20). */
final class OptionTags {

    static final String RELIABLE_PROVISIONALS = "100rel";
    static final String TIMER = "timer";

    private OptionTags() {}

    /** The option tags the message requires, lower case. */
    static List<String> required(Message message) {
        return values(message.getHeaders(RequireHeader.NAME));
    }

    /** Whether the message lists {@code tag} in {@code Require}. */
    static boolean requires(Message message, String tag) {
        return required(message).contains(tag);
    }

    /** Whether the message lists {@code tag} in {@code Supported} or {@code Require}. */
    static boolean supports(Message message, String tag) {
        return requires(message, tag)
                || values(message.getHeaders(SupportedHeader.NAME)).contains(tag);
    }

    /** Whether the message's {@code Allow} names {@code method}. */
    static boolean allows(Message message, String method) {
        return values(message.getHeaders(AllowHeader.NAME)).contains(method.toLowerCase(Locale.ROOT));
    }

    private static List<String> values(Iterator<?> headers) {
        List<String> values = new ArrayList<>();
        while (headers.hasNext()) {
            Object header = headers.next();
            String value;
            if (header instanceof RequireHeader require) {
                value = require.getOptionTag();
            } else if (header instanceof SupportedHeader supported) {
                value = supported.getOptionTag();
            } else if (header instanceof AllowHeader allow) {
                value = allow.getMethod();
            } else {
                String text = ((Header) header).toString();
                value = text.substring(text.indexOf(':') + 1);
            }
            if (value == null) {
                continue;
            }
            for (String part : value.split(",")) {
                String trimmed = part.trim().toLowerCase(Locale.ROOT);
                if (!trimmed.isEmpty()) {
                    values.add(trimmed);
                }
            }
        }
        return values;
    }
}
