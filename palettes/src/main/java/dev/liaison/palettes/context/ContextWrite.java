package dev.liaison.palettes.context;

import java.util.List;
import java.util.Objects;

/**
 * A set of context values written together: either all of them are stored or none.
 *
 * @param source the kind of writer
 * @param actor the writer itself: {@code customer}, {@code agent:alice}, {@code ivr:flow-7}, {@code cti:ucce}
 * @param entries the values, applied in order
 */
public record ContextWrite(ContextSource source, String actor, List<ContextEntryWrite> entries) {

    /** Longest actor name the schema stores. */
    public static final int MAX_ACTOR_LENGTH = 200;

    public ContextWrite {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(actor, "actor");
        if (actor.isBlank() || actor.length() > MAX_ACTOR_LENGTH) {
            throw new IllegalArgumentException("actor must be 1 to " + MAX_ACTOR_LENGTH + " characters: " + actor);
        }
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a context write needs at least one entry");
        }
    }

    public static ContextWrite of(ContextSource source, String actor, ContextEntryWrite... entries) {
        return new ContextWrite(source, actor, List.of(entries));
    }
}
