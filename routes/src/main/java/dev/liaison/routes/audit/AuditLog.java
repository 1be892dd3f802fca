package dev.liaison.routes.audit;

import java.time.Clock;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stamps audit entries with the clock and stores them. */
@Service
public class AuditLog {

    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

    private final AuditEventRepository events;
    private final Clock clock;

    AuditLog(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public AuditEvent record(AuditEntry entry) {
        if (!ACTION.matcher(entry.action()).matches()) {
            throw new IllegalArgumentException(
                    "audit action must be dotted lower-case words, such as queue.created: " + entry.action());
        }
        return events.save(
                new AuditEvent(clock.instant(), entry.actor(), entry.action(), entry.subject(), entry.details()));
    }
}
