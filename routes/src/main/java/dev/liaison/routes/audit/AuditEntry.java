package dev.liaison.routes.audit;

import java.util.Map;
import java.util.Objects;

/**
 * An audit line as routes and services hand it over; {@link AuditLog} stamps and stores it.
 *
 * @param actor who did it: {@code system} or a principal such as {@code admin:alice}
 * @param action dotted lower-case name, such as {@code queue.created}
 * @param subject what it happened to, such as {@code queue:support}; may be null
 * @param details free-form facts about the event
 */
public record AuditEntry(String actor, String action, String subject, Map<String, Object> details) {

    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
