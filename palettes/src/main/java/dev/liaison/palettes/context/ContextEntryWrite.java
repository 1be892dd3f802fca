package dev.liaison.palettes.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Objects;

/**
 * One value of a context write.
 *
 * @param category where it is filed
 * @param key its name inside the category; for {@link ContextCategory#PAGES} a label of the page event (usually
 *     {@code view}), since page views are appended rather than keyed
 * @param value any JSON value; JSON {@code null} removes the key (not allowed for pages)
 * @param sensitive when true the value is never copied into the timeline; a key once written as sensitive stays so
 */
public record ContextEntryWrite(ContextCategory category, String key, JsonNode value, boolean sensitive) {

    public ContextEntryWrite {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(key, "key");
        value = value == null ? NullNode.getInstance() : value;
    }

    public static ContextEntryWrite of(ContextCategory category, String key, JsonNode value) {
        return new ContextEntryWrite(category, key, value, false);
    }

    public static ContextEntryWrite sensitive(ContextCategory category, String key, JsonNode value) {
        return new ContextEntryWrite(category, key, value, true);
    }

    public static ContextEntryWrite remove(ContextCategory category, String key) {
        return new ContextEntryWrite(category, key, NullNode.getInstance(), false);
    }

    /** Whether this entry removes its key instead of setting it. */
    public boolean removes() {
        return value.isNull();
    }
}
