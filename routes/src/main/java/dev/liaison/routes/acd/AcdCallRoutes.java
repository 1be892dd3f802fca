package dev.liaison.routes.acd;

import dev.liaison.palettes.routing.AcdEvent;
import dev.liaison.routes.camel.ErrorPolicy;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Calls to ACD destinations after they were queued ({@code call-incoming} queues them, {@link AcdCallIntake}): an
 * accepted task connects its call to the agent's desktop, the call's events close the task, the task's end hangs up
 * the call, and calls past their max wait are given up.
 */
@Component
class AcdCallRoutes extends RouteBuilder {

    private final AcdCallProgress progress;

    AcdCallRoutes(AcdCallProgress progress) {
        this.progress = progress;
    }

    @Override
    public void configure() {
        from(AcdConstants.TASK_EVENTS_ENDPOINT)
                .routeId("acd-call-task-events")
                .routeConfigurationId(ErrorPolicy.ID)
                .choice()
                .when(body().isInstanceOf(AcdEvent.TaskAssigned.class))
                .bean(AcdCallConnector.class, "assigned")
                .when(body().isInstanceOf(AcdEvent.ConversationEnded.class))
                .bean(AcdTaskFollower.class, "conversationEnded")
                .when(body().isInstanceOf(AcdEvent.TaskEnded.class))
                .bean(AcdTaskFollower.class, "taskEnded")
                .end();

        from("gateway:calls?events=call.answered,call.ended")
                .routeId("acd-call-events")
                .routeConfigurationId(ErrorPolicy.ID)
                .filter(progress::tracks)
                .bean(AcdCallProgress.class, "onEvent");

        from(AcdConstants.CHAT_ENDPOINT)
                .routeId("acd-chat")
                .routeConfigurationId(ErrorPolicy.ID)
                .bean(AcdChatRelay.class, "relay");

        from("timer:acd-call-timeouts?period=1000&delay=1000")
                .routeId("acd-call-timeouts")
                .routeConfigurationId(ErrorPolicy.ID)
                .bean(AcdCallTimeouts.class, "sweep");
    }
}
