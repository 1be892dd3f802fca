package dev.liaison.palettes.context;

import dev.liaison.palettes.security.Access;
import dev.liaison.palettes.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads the timeline of an interaction, page by page. */
@RestController
@Tag(name = "Timeline", description = "What happened to a contact, who did it and why, in order")
class TimelineController {

    private static final int DEFAULT_LIMIT = 100;

    private final TimelineService timeline;

    TimelineController(TimelineService timeline) {
        this.timeline = timeline;
    }

    @PreAuthorize(Access.READ)
    @GetMapping("/api/v1/interactions/{correlationId}/timeline")
    @Operation(
            summary = "Timeline events in order",
            description = "Pass the id of the last event seen as afterId to get the next page; nextAfterId is set"
                    + " when the page is full.")
    @ApiResponse(responseCode = "200", description = "a page of events, oldest first")
    @ApiResponse(
            responseCode = "400",
            description = "afterId or limit out of range (code request.invalid)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "404",
            description = "no such interaction (code interaction.not_found)",
            content = @Content(mediaType = "application/problem+json"))
    TimelinePage list(
            @PathVariable UUID correlationId,
            @Parameter(description = "only events with a larger id; 0 for the start") @RequestParam(defaultValue = "0")
                    long afterId,
            @Parameter(description = "page size, 1 to 1000") @RequestParam(defaultValue = "" + DEFAULT_LIMIT)
                    int limit) {
        if (afterId < 0) {
            throw invalid("afterId", "must be 0 or more");
        }
        if (limit < 1 || limit > TimelineService.MAX_LIMIT) {
            throw invalid("limit", "must be between 1 and " + TimelineService.MAX_LIMIT);
        }
        List<TimelineEvent> events = timeline.list(correlationId, afterId, limit);
        Long next = events.size() == limit ? events.get(events.size() - 1).id() : null;
        return new TimelinePage(correlationId, events, next);
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(
                HttpStatus.BAD_REQUEST,
                "request.invalid",
                field + " " + message,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }

    /**
     * A page of a timeline.
     *
     * @param nextAfterId the afterId of the next page when this one is full, else {@code null}
     */
    record TimelinePage(UUID correlationId, List<TimelineEvent> events, Long nextAfterId) {}
}
