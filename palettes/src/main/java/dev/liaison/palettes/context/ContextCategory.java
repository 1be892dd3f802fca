package dev.liaison.palettes.context;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The groups context values are filed under. Every category keeps the latest value per key, except {@link #PAGES},
 * which keeps the page history as an ordered list.
 */
public enum ContextCategory implements WireNamed {
    /** Who the customer is, as the site or a verification step says. */
    IDENTITY("identity"),
    /** Browser, app, operating system, screen. */
    DEVICE("device"),
    /** Where the customer is: country, city, time zone. */
    LOCATION("location"),
    /** Pages the customer viewed, oldest first; every write appends. */
    PAGES("pages"),
    /** Answers collected by the visual or voice IVR. */
    IVR("ivr"),
    /** Anything the site or an agent wants to carry along. */
    CUSTOM("custom"),
    /** Facts the ACD routes on: language, segment, required skills. */
    ROUTING("routing");

    /** The accepted wire names, for validation patterns. */
    public static final String WIRE_PATTERN = "identity|device|location|pages|ivr|custom|routing";

    private final String wireName;

    ContextCategory(String wireName) {
        this.wireName = wireName;
    }

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Whether writes append to a list instead of replacing the value of their key. */
    public boolean appends() {
        return this == PAGES;
    }

    @JsonCreator
    public static ContextCategory fromWireName(String name) {
        return WireNamed.fromWireName(ContextCategory.class, name);
    }
}
