package dev.liaison.palettes.context;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-contact timeline: an append-only list of what happened to an interaction, who did it and why. Every feature
 * that touches a contact (IVR, ACD, CTI adapters, agent desktop) appends to it; agents, admins and reports read it.
 *
 * <p>{@link #append} joins the caller's transaction, so an event is stored exactly when the change it describes is. It
 * locks the interaction row until that transaction ends: events of one correlation therefore get ids in commit order,
 * and a reader polling with {@code afterId} never misses one. Callers that lock rows of their own should append after
 * taking them, or lock the interaction first, to keep one lock order.
 */
@Service
public class TimelineService {

    /** Largest page {@link #list} returns. */
    public static final int MAX_LIMIT = 1000;

    /** Longest summary kept; longer ones are cut and end with an ellipsis. */
    public static final int MAX_SUMMARY_LENGTH = 500;

    private static final int MAX_ACTOR_LENGTH = 200;
    private static final int MAX_TYPE_LENGTH = 100;
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t]+");
    private static final TypeReference<LinkedHashMap<String, Object>> DETAILS = new TypeReference<>() {};

    private final TimelineEventRepository events;
    private final InteractionRepository interactions;
    private final TimelineBatchInsert batches;
    private final Clock clock;
    private final ObjectMapper json = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    TimelineService(
            TimelineEventRepository events,
            InteractionRepository interactions,
            TimelineBatchInsert batches,
            Clock clock) {
        this.events = events;
        this.interactions = interactions;
        this.batches = batches;
        this.clock = clock;
    }

    /**
     * Appends an event to the timeline of an interaction.
     *
     * @param correlationId the interaction
     * @param type dotted lower-case name, such as {@code contact.queued}
     * @param actor who did it: {@code system}, {@code customer}, {@code agent:alice}, {@code cti:finesse}
     * @param summary one human-readable line; line breaks become spaces and it is cut to {@value #MAX_SUMMARY_LENGTH}
     *     characters
     * @param details machine-readable facts; anything Jackson can write, stored and returned as plain JSON values
     *     (maps, lists, strings, numbers, booleans; times as ISO-8601 strings); {@code null} for none
     * @return the stored event
     * @throws InteractionNotFoundException when no interaction has this correlation ID
     * @throws IllegalArgumentException when the type, actor or summary is malformed
     */
    @Transactional
    public TimelineEvent append(
            UUID correlationId, String type, String actor, String summary, Map<String, Object> details) {
        Objects.requireNonNull(correlationId, "correlationId");
        checkType(type);
        checkActor(actor);
        String line = oneLine(summary);
        Map<String, Object> plain = details == null ? new LinkedHashMap<>() : json.convertValue(details, DETAILS);
        interactions.findForUpdate(correlationId).orElseThrow(() -> new InteractionNotFoundException(correlationId));
        StoredTimelineEvent stored = events.save(new StoredTimelineEvent(
                correlationId, clock.instant().truncatedTo(ChronoUnit.MICROS), type, actor, line, plain));
        return stored.toEvent();
    }

    /**
     * Appends several events at once, as {@link #append} would one after the other, in a few statements whatever
     * their number: the interactions are locked together (in correlation ID order), then the events are inserted in
     * the order given. For callers that write many events in one transaction, such as a routing pass.
     *
     * @throws InteractionNotFoundException when one of the interactions does not exist (nothing is written)
     * @throws IllegalArgumentException when a type, actor or summary is malformed (nothing is written)
     */
    @Transactional
    public void appendAll(List<TimelineEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<TimelineBatchInsert.Row> rows = new java.util.ArrayList<>(entries.size());
        for (TimelineEntry entry : entries) {
            Objects.requireNonNull(entry.correlationId(), "correlationId");
            checkType(entry.type());
            checkActor(entry.actor());
            rows.add(new TimelineBatchInsert.Row(
                    entry.correlationId(),
                    entry.type(),
                    entry.actor(),
                    oneLine(entry.summary()),
                    detailsJson(entry.details())));
        }
        TimelineBatchInsert.Written written =
                batches.insert(rows, clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (written.rows() < rows.size()) {
            // An interaction is missing; the transaction rolls back with this exception, so nothing stays written.
            java.util.Set<UUID> missing = new java.util.HashSet<>();
            entries.forEach(entry -> missing.add(entry.correlationId()));
            batches.existing(missing).forEach(missing::remove);
            if (missing.isEmpty()) {
                throw new IllegalStateException(
                        "timeline: " + written.rows() + " of " + rows.size() + " events written");
            }
            throw new InteractionNotFoundException(missing.iterator().next());
        }
    }

    /** The details as JSON text, written the way {@link #append} stores them (times as ISO-8601 strings). */
    private String detailsJson(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details == null ? Map.of() : details);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("timeline details cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the timeline of an interaction in order.
     *
     * @param afterId return only events with a larger id; 0 for the start of the timeline
     * @param limit at most this many, 1 to {@value #MAX_LIMIT}
     * @throws InteractionNotFoundException when no interaction has this correlation ID
     */
    @Transactional(readOnly = true)
    public List<TimelineEvent> list(UUID correlationId, long afterId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
        }
        if (!interactions.existsById(correlationId)) {
            throw new InteractionNotFoundException(correlationId);
        }
        return events
                .findByCorrelationIdAndIdGreaterThanOrderByIdAsc(correlationId, Math.max(0, afterId), Limit.of(limit))
                .stream()
                .map(StoredTimelineEvent::toEvent)
                .toList();
    }

    private static void checkType(String type) {
        if (type == null
                || type.length() > MAX_TYPE_LENGTH
                || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException(
                    "timeline event type must be dotted lower-case words, such as contact.queued: " + type);
        }
    }

    private static void checkActor(String actor) {
        if (actor == null || actor.isBlank() || actor.length() > MAX_ACTOR_LENGTH) {
            throw new IllegalArgumentException("timeline actor must be 1 to " + MAX_ACTOR_LENGTH + " characters");
        }
    }

    private static String oneLine(String summary) {
        if (summary == null || summary.isBlank()) {
            throw new IllegalArgumentException("timeline summary must not be blank");
        }
        String line = LINE_BREAKS.matcher(summary.strip()).replaceAll(" ");
        return line.length() <= MAX_SUMMARY_LENGTH ? line : line.substring(0, MAX_SUMMARY_LENGTH - 1) + "…";
    }
}
