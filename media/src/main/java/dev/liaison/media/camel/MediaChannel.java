package dev.liaison.media.camel;

import java.util.Locale;

/** What a {@code media:} endpoint is about: the path of its URI. */
public enum MediaChannel {
    /** Bridge commands (producer only): open, offer, answer, close. */
    BRIDGE,
    /** Bridges the broker ended on its own (consumer only). */
    EVENTS;

    static MediaChannel parse(String path) {
        for (MediaChannel channel : values()) {
            if (channel.name().equalsIgnoreCase(path)) {
                return channel;
            }
        }
        throw new IllegalArgumentException("Unknown media channel '" + path + "'; expected bridge or events");
    }

    String path() {
        return name().toLowerCase(Locale.ROOT);
    }
}
