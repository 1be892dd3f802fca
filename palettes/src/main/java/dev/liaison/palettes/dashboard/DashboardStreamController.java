package dev.liaison.palettes.dashboard;

import dev.liaison.palettes.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Statistics", description = "Real-time statistics per queue and per agent")
class DashboardStreamController {

    private final DashboardFeed feed;

    DashboardStreamController(DashboardFeed feed) {
        this.feed = feed;
    }

    @PreAuthorize(Access.ADMIN)
    @GetMapping(path = "/api/v1/statistics/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Live statistics for the dashboard (Server-Sent Events)",
            description = "A text/event-stream of events named `statistics`, each a JSON snapshot of every queue and"
                    + " agent with the agents counted by state: one at once, one after every ACD change, and one every"
                    + " `liaison.dashboard.interval` (2 s) anyway. At most `liaison.dashboard.max-streams` streams"
                    + " are open per node; the server ends a stream after `liaison.dashboard.stream-timeout`"
                    + " (EventSource reconnects).",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "the stream",
                        content =
                                @Content(
                                        mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                                        schema = @Schema(implementation = DashboardSnapshot.class))),
                @ApiResponse(
                        responseCode = "503",
                        description = "every stream this node allows is open (`statistics.too_many_streams`)")
            })
    SseEmitter stream() {
        return feed.open();
    }
}
