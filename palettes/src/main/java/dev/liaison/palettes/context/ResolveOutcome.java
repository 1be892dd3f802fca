package dev.liaison.palettes.context;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether resolving a customer started a new interaction or continued one. */
public enum ResolveOutcome {
    CREATED,
    RESUMED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
