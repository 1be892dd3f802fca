package dev.liaison.palettes.context;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why resolving a customer gave the interaction it gave. */
public enum ResolveReason {
    /** Resumed: the presented correlation ID is known. */
    CORRELATION_ID(ResolveOutcome.RESUMED),
    /** Resumed: the same identity had an interaction active within the resume window. */
    IDENTITY(ResolveOutcome.RESUMED),
    /** Created: neither a correlation ID nor an identity was presented. */
    NEW_CONTACT(ResolveOutcome.CREATED),
    /** Created: the presented correlation ID is unknown; it is never adopted, a fresh one is issued. */
    UNKNOWN_CORRELATION_ID(ResolveOutcome.CREATED),
    /** Created: the presented correlation ID belongs to another identity, and this one had nothing recent. */
    IDENTITY_MISMATCH(ResolveOutcome.CREATED),
    /** Created: the identity had no interaction active within the resume window. */
    NO_RECENT_INTERACTION(ResolveOutcome.CREATED);

    private final ResolveOutcome outcome;

    ResolveReason(ResolveOutcome outcome) {
        this.outcome = outcome;
    }

    public ResolveOutcome outcome() {
        return outcome;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
