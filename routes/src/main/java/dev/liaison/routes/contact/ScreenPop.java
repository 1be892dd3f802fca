package dev.liaison.routes.contact;

import dev.liaison.palettes.context.ContextService;
import dev.liaison.palettes.context.TimelineService;
import dev.liaison.palettes.routing.AcdEvent;
import org.apache.camel.Handler;
import org.springframework.stereotype.Component;

/** Builds the screen pop for an offer: the context and timeline of the interaction, read when the offer is made. */
@Component
public class ScreenPop {

    /** Most timeline events a screen pop carries; the desktop pages through the rest. */
    static final int TIMELINE_EVENTS = 200;

    private final ContextService context;
    private final TimelineService timeline;

    ScreenPop(ContextService context, TimelineService timeline) {
        this.context = context;
        this.timeline = timeline;
    }

    @Handler
    public AgentOffer build(AcdEvent.TaskOffered offer) {
        return new AgentOffer(
                offer.reservationId(),
                offer.taskId(),
                offer.correlationId(),
                offer.agentLogin(),
                offer.queue(),
                offer.channel(),
                offer.expiresAt(),
                offer.taskAttributes(),
                offer.explanation(),
                context.read(offer.correlationId()).context(),
                timeline.list(offer.correlationId(), 0, TIMELINE_EVENTS));
    }
}
