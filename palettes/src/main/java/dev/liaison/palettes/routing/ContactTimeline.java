package dev.liaison.palettes.routing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Where routing writes what it did to a contact, so that agents and admins can read why (the contact's timeline). */
public interface ContactTimeline {

    /**
     * Appends one event to the timeline of {@code correlationId}, in the caller's transaction.
     *
     * @param type dotted lower-case event type, such as {@code routing.offered}
     * @param actor who caused it: {@code system}, {@code agent:alice}, ...
     * @param summary one human-readable line
     */
    void append(UUID correlationId, String type, String actor, String summary, Map<String, Object> details);

    /**
     * Appends several events in the caller's transaction, as {@link #append} one after the other would, in a few
     * statements whatever their number (a routing pass writes one per offer).
     */
    void appendAll(List<Entry> entries);

    /** One event for {@link #appendAll}; the fields are those of {@link #append}. */
    record Entry(UUID correlationId, String type, String actor, String summary, Map<String, Object> details) {}
}
