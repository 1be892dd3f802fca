package dev.liaison.palettes.routing;

import dev.liaison.palettes.context.TimelineEntry;
import dev.liaison.palettes.context.TimelineService;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Routing's timeline entries go to the contact's timeline in the context feature. */
@Component
class TimelineWriter implements ContactTimeline {

    private final TimelineService timeline;

    TimelineWriter(TimelineService timeline) {
        this.timeline = timeline;
    }

    @Override
    public void append(UUID correlationId, String type, String actor, String summary, Map<String, Object> details) {
        timeline.append(correlationId, type, actor, summary, details);
    }

    @Override
    public void appendAll(List<Entry> entries) {
        timeline.appendAll(entries.stream()
                .map(entry -> new TimelineEntry(
                        entry.correlationId(), entry.type(), entry.actor(), entry.summary(), entry.details()))
                .toList());
    }
}
