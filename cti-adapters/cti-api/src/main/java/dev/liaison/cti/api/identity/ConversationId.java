package dev.liaison.cti.api.identity;

import java.util.Objects;

/** Genesys Cloud's conversation ID (a UUID string). */
public record ConversationId(String value) implements VendorCallId {

    public ConversationId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("A conversation ID has 1 to 64 characters");
        }
    }

    @Override
    public String system() {
        return "genesys-cloud";
    }

    @Override
    public String text() {
        return value;
    }
}
