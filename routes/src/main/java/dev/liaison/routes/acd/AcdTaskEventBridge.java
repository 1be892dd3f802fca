package dev.liaison.routes.acd;

import dev.liaison.palettes.routing.AcdEvent;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hands committed ACD facts about tasks of tracked calls to the ACD call routes, in commit order, off the thread of
 * the transaction that caused them.
 */
@Component
class AcdTaskEventBridge {

    private final ProducerTemplate producer;
    private final AcdCalls calls;

    AcdTaskEventBridge(ProducerTemplate producer, AcdCalls calls) {
        this.producer = producer;
        this.calls = calls;
    }

    @TransactionalEventListener
    void assigned(AcdEvent.TaskAssigned event) {
        forward(event);
    }

    @TransactionalEventListener
    void conversationEnded(AcdEvent.ConversationEnded event) {
        forward(event);
    }

    @TransactionalEventListener
    void ended(AcdEvent.TaskEnded event) {
        forward(event);
    }

    private void forward(AcdEvent event) {
        if (calls.byTask(event.taskId()).isPresent()) {
            producer.sendBody(AcdConstants.TASK_EVENTS_ENDPOINT, event);
        }
    }
}
