package dev.liaison.palettes.routing;

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
}
