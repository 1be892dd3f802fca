package dev.liaison.palettes.context;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kind of writer a context value came from; the actor names the writer itself. */
public enum ContextSource implements WireNamed {
    /** The consumer SDK on the customer's page or app. */
    SDK("sdk"),
    /** The visual or voice IVR. */
    IVR("ivr"),
    /** An agent, from the agent desktop. */
    AGENT("agent"),
    /** An external contact center through a CTI adapter. */
    CTI("cti"),
    /** Liaison itself. */
    SYSTEM("system");

    /** The accepted wire names, for validation patterns. */
    public static final String WIRE_PATTERN = "sdk|ivr|agent|cti|system";

    private final String wireName;

    ContextSource(String wireName) {
        this.wireName = wireName;
    }

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static ContextSource fromWireName(String name) {
        return WireNamed.fromWireName(ContextSource.class, name);
    }
}
