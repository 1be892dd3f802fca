package dev.liaison.palettes.context;

import java.util.Map;
import java.util.UUID;

/**
 * One event to append with {@link TimelineService#appendAll}; the fields are those of {@link TimelineService#append}.
 *
 * @param details machine-readable facts, {@code null} for none
 */
public record TimelineEntry(
        UUID correlationId, String type, String actor, String summary, Map<String, Object> details) {}
