package dev.liaison.gateway.client.session;

import dev.liaison.gateway.client.ClientSessionListener;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers session events to every {@link ClientSessionListener}; one listener's failure does not stop the others. */
public final class SessionEvents {

    private static final Logger log = LoggerFactory.getLogger(SessionEvents.class);

    private final List<ClientSessionListener> listeners;

    public SessionEvents(List<ClientSessionListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public void publish(Consumer<ClientSessionListener> event) {
        for (ClientSessionListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                log.warn(
                        "Client session listener {} failed", listener.getClass().getName(), e);
            }
        }
    }
}
