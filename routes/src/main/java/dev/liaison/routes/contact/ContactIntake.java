package dev.liaison.routes.contact;

import dev.liaison.palettes.context.Channel;
import dev.liaison.palettes.context.ContextCategory;
import dev.liaison.palettes.context.ContextEntryWrite;
import dev.liaison.palettes.context.ContextService;
import dev.liaison.palettes.context.ContextSource;
import dev.liaison.palettes.context.ContextWrite;
import dev.liaison.palettes.context.CorrelationService;
import dev.liaison.palettes.context.Resolution;
import dev.liaison.palettes.context.ResolveRequest;
import dev.liaison.palettes.routing.NewTask;
import dev.liaison.palettes.routing.Task;
import dev.liaison.palettes.routing.TaskService;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.springframework.stereotype.Component;

/** The steps of the contact-arrival route: resolve the correlation ID, store the context, enqueue the task. */
@Component
public class ContactIntake {

    private final CorrelationService correlations;
    private final ContextService context;
    private final TaskService tasks;

    ContactIntake(CorrelationService correlations, ContextService context, TaskService tasks) {
        this.correlations = correlations;
        this.context = context;
        this.tasks = tasks;
    }

    /** Continues the customer's interaction or starts one; sets the correlation headers. */
    public void resolve(@Body ContactRequest request, Exchange exchange) {
        Resolution resolution = correlations.resolve(new ResolveRequest(
                request.correlationId(), request.identityKey(), Channel.fromWireName(request.channel())));
        exchange.getMessage()
                .setHeader(
                        ContactConstants.CORRELATION_ID,
                        resolution.interaction().correlationId());
        exchange.getMessage().setHeader(ContactConstants.RESUMED, !resolution.created());
    }

    /** Writes the context the contact brought, all or nothing. */
    public void storeContext(@Body ContactRequest request, Exchange exchange) {
        if (request.context() == null || request.context().isEmpty()) {
            return;
        }
        List<ContextEntryWrite> entries = request.context().stream()
                .map(entry -> new ContextEntryWrite(
                        ContextCategory.fromWireName(entry.category()), entry.key(), entry.value(), entry.sensitive()))
                .toList();
        context.write(correlationId(exchange), new ContextWrite(ContextSource.SYSTEM, "contact-intake", entries));
    }

    /** Puts the task in its queue; the reply body is a {@link ContactQueued}. */
    @Handler
    public ContactQueued enqueue(@Body ContactRequest request, Exchange exchange) {
        Task task = tasks.enqueue(new NewTask(
                correlationId(exchange),
                request.channel(),
                request.queue(),
                request.workflow(),
                request.priority(),
                request.attributes()));
        return new ContactQueued(
                task.getCorrelationId(),
                exchange.getMessage().getHeader(ContactConstants.RESUMED, false, Boolean.class),
                task.getId(),
                task.getStatus().name());
    }

    private static java.util.UUID correlationId(Exchange exchange) {
        return exchange.getMessage().getHeader(ContactConstants.CORRELATION_ID, java.util.UUID.class);
    }
}
