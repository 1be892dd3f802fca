package dev.liaison.routes.contact;

import dev.liaison.palettes.routing.AcdEvent;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Hands every committed ACD event to the Camel routes; never blocks the transaction that caused it. */
@Component
class AcdEventBridge {

    private final ProducerTemplate producer;

    AcdEventBridge(ProducerTemplate producer) {
        this.producer = producer;
    }

    @TransactionalEventListener
    void committed(AcdEvent event) {
        producer.sendBody(ContactConstants.ACD_EVENTS_ENDPOINT, event);
    }
}
