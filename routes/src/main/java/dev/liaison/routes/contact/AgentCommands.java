package dev.liaison.routes.contact;

import dev.liaison.palettes.agent.AgentView;
import dev.liaison.palettes.routing.AgentStateService;
import dev.liaison.palettes.routing.ReservationService;
import dev.liaison.palettes.routing.TaskService;
import dev.liaison.palettes.routing.TaskView;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.springframework.stereotype.Component;

/** Carries out an agent command from {@link ContactConstants#AGENT_COMMAND_ENDPOINT}. */
@Component
public class AgentCommands {

    private final ReservationService reservations;
    private final TaskService tasks;
    private final AgentStateService states;

    AgentCommands(ReservationService reservations, TaskService tasks, AgentStateService states) {
        this.reservations = reservations;
        this.tasks = tasks;
        this.states = states;
    }

    @Handler
    public Object execute(Exchange exchange) {
        var message = exchange.getMessage();
        String operation = message.getHeader(ContactConstants.OPERATION, String.class);
        UUID agent = message.getHeader(ContactConstants.AGENT_ID, UUID.class);
        String reason = message.getHeader(ContactConstants.REASON, String.class);
        if (operation == null || agent == null) {
            throw new IllegalArgumentException(
                    "agent command needs headers " + ContactConstants.OPERATION + " and " + ContactConstants.AGENT_ID);
        }
        return switch (operation) {
            case "accept" -> TaskView.of(reservations.accept(reservation(exchange), agent));
            case "reject" -> TaskView.of(reservations.reject(reservation(exchange), agent, reason));
            case "end" -> TaskView.of(tasks.end(task(exchange), "agent:" + agent));
            case "wrap-up" -> TaskView.of(tasks.finishWrapUp(task(exchange), reason, "agent:" + agent));
            case "available" -> AgentView.of(states.goAvailable(agent));
            case "not-ready" -> AgentView.of(states.goNotReady(agent, reason == null ? "not ready" : reason));
            case "logout" -> AgentView.of(states.logOut(agent));
            case "heartbeat" -> {
                states.heartbeat(agent);
                yield "ok";
            }
            default -> throw new IllegalArgumentException("unknown agent operation '" + operation + "'");
        };
    }

    private static UUID reservation(Exchange exchange) {
        return exchange.getMessage().getHeader(ContactConstants.RESERVATION_ID, UUID.class);
    }

    private static UUID task(Exchange exchange) {
        return exchange.getMessage().getHeader(ContactConstants.TASK_ID, UUID.class);
    }
}
