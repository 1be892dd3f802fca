package dev.liaison.palettes.context;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The channel a customer reaches the contact center on; one interaction may use several. */
public enum Channel implements WireNamed {
    CHAT("chat"),
    VOICE("voice"),
    VIDEO("video"),
    CALLBACK("callback"),
    COBROWSE("cobrowse");

    /** The accepted wire names, for validation messages and patterns. */
    public static final String WIRE_PATTERN = "chat|voice|video|callback|cobrowse";

    private final String wireName;

    Channel(String wireName) {
        this.wireName = wireName;
    }

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static Channel fromWireName(String name) {
        return WireNamed.fromWireName(Channel.class, name);
    }
}
