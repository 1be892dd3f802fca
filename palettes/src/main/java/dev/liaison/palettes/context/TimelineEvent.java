package dev.liaison.palettes.context;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of a contact's timeline.
 *
 * @param id position in the timeline; later events of one correlation always have higher ids
 * @param correlationId the interaction it belongs to
 * @param occurredAt when it was recorded
 * @param type dotted lower-case name, such as {@code context.updated} or {@code routing.offered}
 * @param actor who did it: {@code system}, {@code customer}, {@code agent:alice}, {@code cti:ucce}
 * @param summary one human-readable line
 * @param details machine-readable facts, as JSON values (strings, numbers, booleans, lists, maps)
 */
public record TimelineEvent(
        long id,
        UUID correlationId,
        Instant occurredAt,
        String type,
        String actor,
        String summary,
        Map<String, Object> details) {

    public TimelineEvent {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
