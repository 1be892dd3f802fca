package dev.liaison.routes.contact;

import dev.liaison.palettes.routing.AcdEvent;
import dev.liaison.routes.camel.ErrorPolicy;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The backbone from contact to agent: a contact arrives, its context is stored under its correlation ID, it is queued;
 * the ACD's committed events reach the agent side, offers with their screen pop; agent commands come back.
 */
@Component
class ContactRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from(ContactConstants.CONTACT_ENDPOINT)
                .routeId("contact-arrival")
                .routeConfigurationId(ErrorPolicy.ID)
                .bean(ContactIntake.class, "resolve")
                .bean(ContactIntake.class, "storeContext")
                .bean(ContactIntake.class, "enqueue");

        from(ContactConstants.ACD_EVENTS_ENDPOINT)
                .routeId("acd-events")
                .routeConfigurationId(ErrorPolicy.ID)
                .choice()
                .when(body().isInstanceOf(AcdEvent.TaskOffered.class))
                .to("direct:agent-offer")
                .otherwise()
                .to("direct:agent-notice");

        from("direct:agent-offer")
                .routeId("agent-offer")
                .routeConfigurationId(ErrorPolicy.ID)
                .setHeader(ContactConstants.AGENT, simple("${body.agentLogin}"))
                .setHeader(ContactConstants.CORRELATION_ID, simple("${body.correlationId}"))
                .bean(ScreenPop.class)
                .to(ContactConstants.AGENT_EVENTS_ENDPOINT);

        from("direct:agent-notice")
                .routeId("agent-notice")
                .routeConfigurationId(ErrorPolicy.ID)
                .process(exchange -> {
                    Object event = exchange.getMessage().getBody();
                    String agent = null;
                    if (event instanceof AcdEvent.OfferWithdrawn withdrawn) {
                        agent = withdrawn.agentLogin();
                    } else if (event instanceof AcdEvent.TaskAssigned assigned) {
                        agent = assigned.agentLogin();
                    } else if (event instanceof AcdEvent.ConversationEnded over) {
                        agent = over.agentLogin();
                    } else if (event instanceof AcdEvent.TaskEnded ended) {
                        agent = ended.agentLogin();
                    }
                    exchange.getMessage().setHeader(ContactConstants.AGENT, agent);
                })
                // events that concern no agent (a task queued, a waiting task canceled) stay off the agent side
                .filter(header(ContactConstants.AGENT).isNotNull())
                .to(ContactConstants.AGENT_EVENTS_ENDPOINT);

        from(ContactConstants.AGENT_COMMAND_ENDPOINT)
                .routeId("agent-command")
                .routeConfigurationId(ErrorPolicy.ID)
                .bean(AgentCommands.class);
    }
}
