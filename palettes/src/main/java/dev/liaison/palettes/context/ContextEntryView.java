package dev.liaison.palettes.context;

import java.time.Instant;

/**
 * Who wrote a value of the merged context, and when. Values themselves are in {@link ContextView#context()}.
 *
 * @param category where the value is filed
 * @param key its key (for page views, the label they were written with)
 * @param source the kind of writer
 * @param actor the writer
 * @param sensitive whether the value is kept out of the timeline
 * @param writtenAt when it was last written
 */
public record ContextEntryView(
        ContextCategory category,
        String key,
        ContextSource source,
        String actor,
        boolean sensitive,
        Instant writtenAt) {

    static ContextEntryView of(ContextEntry entry) {
        return new ContextEntryView(
                entry.category(), entry.key(), entry.source(), entry.actor(), entry.sensitive(), entry.writtenAt());
    }
}
