package dev.liaison.palettes.context;

/**
 * Timeline event types written by the context feature. Other features use their own, in the same dotted lower-case
 * form ({@code contact.queued}, {@code routing.offered}, {@code ivr.completed}, {@code cti.call_delivered}).
 */
public final class TimelineEventTypes {

    /** A new interaction started; details: {@code channel}, {@code reason}. */
    public static final String INTERACTION_CREATED = "interaction.created";

    /** An interaction was continued on some channel; details: {@code channel}, {@code reason}. */
    public static final String INTERACTION_RESUMED = "interaction.resumed";

    /** Context values were written; details: {@code source}, {@code changes}, {@code sizeBytes}. */
    public static final String CONTEXT_UPDATED = "context.updated";

    private TimelineEventTypes() {}
}
