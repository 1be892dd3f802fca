package dev.liaison.palettes.context;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes the context of interactions. A write is all-or-nothing: it is checked against the limits as a whole
 * (key shape, value size, number of keys, size of the merged context) with the interaction row locked, so concurrent
 * writers queue up, never lose each other's values and never pass the limit together. Each write appends one
 * {@code context.updated} event to the timeline, with sensitive values masked.
 */
@Service
public class ContextService {

    private final InteractionRepository interactions;
    private final ContextEntryRepository entries;
    private final TimelineService timeline;
    private final ContextLimits limits;
    private final Clock clock;

    ContextService(
            InteractionRepository interactions,
            ContextEntryRepository entries,
            TimelineService timeline,
            ContextProperties properties,
            Clock clock) {
        this.interactions = interactions;
        this.entries = entries;
        this.timeline = timeline;
        this.limits = new ContextLimits(properties);
        this.clock = clock;
    }

    /**
     * The merged context of an interaction.
     *
     * @throws InteractionNotFoundException when no interaction has this correlation ID
     */
    @Transactional(readOnly = true)
    public ContextView read(UUID correlationId) {
        if (!interactions.existsById(correlationId)) {
            throw new InteractionNotFoundException(correlationId);
        }
        List<ContextEntry> stored = entries.findByCorrelationIdOrderByIdAsc(correlationId);
        ContextDocument document = ContextDocument.of(stored);
        return view(correlationId, document, stored);
    }

    /**
     * Writes context values, all or none.
     *
     * @return the merged context after the write
     * @throws InteractionNotFoundException when no interaction has this correlation ID
     * @throws InvalidContextEntryException when an entry is malformed (400)
     * @throws ContextValueTooLargeException when one value is over the per-value limit (413)
     * @throws TooManyContextKeysException when the context would hold too many keys (413)
     * @throws ContextTooLargeException when the merged context would be over the size limit (413)
     */
    @Transactional
    public ContextView write(UUID correlationId, ContextWrite write) {
        limits.checkEntries(write.entries());
        Interaction interaction = interactions
                .findForUpdate(correlationId)
                .orElseThrow(() -> new InteractionNotFoundException(correlationId));
        List<ContextEntry> stored = entries.findByCorrelationIdOrderByIdAsc(correlationId);

        ContextDocument after = ContextDocument.of(stored);
        write.entries().forEach(after::apply);
        after.keepLastPages(limits.maxPages());
        int size = limits.checkDocument(after);

        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Map<String, Object>> changes = store(correlationId, write, stored, now);
        interaction.contextBytes(size);
        interaction.seen(now);
        timeline.append(
                correlationId,
                TimelineEventTypes.CONTEXT_UPDATED,
                write.actor(),
                summary(write),
                Map.of("source", write.source().wireName(), "changes", changes, "sizeBytes", size));
        return view(correlationId, after, entries.findByCorrelationIdOrderByIdAsc(correlationId));
    }

    /** Applies the write to the stored rows; returns the changes as the timeline lists them. */
    private List<Map<String, Object>> store(
            UUID correlationId, ContextWrite write, List<ContextEntry> stored, Instant now) {
        Map<String, ContextEntry> latest = new HashMap<>();
        List<ContextEntry> pages = new ArrayList<>();
        for (ContextEntry entry : stored) {
            if (entry.category().appends()) {
                pages.add(entry);
            } else {
                latest.put(slot(entry.category(), entry.key()), entry);
            }
        }
        List<ContextEntry> inserts = new ArrayList<>();
        List<ContextEntry> deletes = new ArrayList<>();
        List<Map<String, Object>> changes = new ArrayList<>();
        for (ContextEntryWrite change : write.entries()) {
            ContextEntry existing = latest.get(slot(change.category(), change.key()));
            if (change.category().appends()) {
                ContextEntry page = newEntry(correlationId, change, write, now);
                pages.add(page);
                inserts.add(page);
                changes.add(TimelineChanges.appended(change));
            } else if (change.removes()) {
                if (existing != null) {
                    deletes.add(existing);
                    changes.add(TimelineChanges.removed(change, existing.sensitive()));
                }
            } else if (existing != null) {
                existing.overwrite(change.value(), write.source(), write.actor(), change.sensitive(), now);
                changes.add(TimelineChanges.set(change, existing.sensitive()));
            } else {
                inserts.add(newEntry(correlationId, change, write, now));
                changes.add(TimelineChanges.set(change, change.sensitive()));
            }
        }
        int excessPages = pages.size() - limits.maxPages();
        for (ContextEntry dropped : pages.subList(0, Math.max(0, excessPages))) {
            if (dropped.id() == null) {
                inserts.remove(dropped);
            } else {
                deletes.add(dropped);
            }
        }
        entries.deleteAll(deletes);
        entries.saveAll(inserts);
        entries.flush();
        return changes;
    }

    private static ContextEntry newEntry(
            UUID correlationId, ContextEntryWrite change, ContextWrite write, Instant now) {
        return new ContextEntry(
                correlationId,
                change.category(),
                change.key(),
                change.value(),
                write.source(),
                write.actor(),
                change.sensitive(),
                now);
    }

    private ContextView view(UUID correlationId, ContextDocument document, List<ContextEntry> stored) {
        List<ContextEntryView> written =
                stored.stream().map(ContextEntryView::of).toList();
        return new ContextView(
                correlationId, document.sizeBytes(), limits.maxContextBytes(), document.toJson(), written);
    }

    private static String summary(ContextWrite write) {
        Map<String, Long> names = write.entries().stream()
                .collect(Collectors.groupingBy(
                        e -> e.category().wireName() + "." + e.key(), LinkedHashMap::new, Collectors.counting()));
        List<String> shown = names.keySet().stream().limit(5).toList();
        String more = names.size() > shown.size() ? " and " + (names.size() - shown.size()) + " more" : "";
        return write.actor() + " (" + write.source().wireName() + ") updated context: " + String.join(", ", shown)
                + more;
    }

    private static String slot(ContextCategory category, String key) {
        return category.wireName() + "\u0000" + key;
    }
}
