package dev.liaison.gateway.client.it;

import dev.liaison.gateway.client.ClientSessionInfo;
import dev.liaison.gateway.client.ClientSessionListener;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the client sessions reported, as the Camel component will see it. */
public final class RecordingSessionListener implements ClientSessionListener {

    private final List<String> events = new CopyOnWriteArrayList<>();

    public List<String> events() {
        return List.copyOf(events);
    }

    public void clear() {
        events.clear();
    }

    @Override
    public void sessionStarted(ClientSessionInfo session) {
        events.add("started:" + session.correlationId());
    }

    @Override
    public void sessionResumed(ClientSessionInfo session) {
        events.add("resumed:" + session.correlationId());
    }

    @Override
    public void sessionDetached(ClientSessionInfo session) {
        events.add("detached:" + session.correlationId());
    }

    @Override
    public void sessionClosed(ClientSessionInfo session, String reason) {
        events.add("closed:" + reason);
    }

    @Override
    public void chat(ClientSessionInfo session, String text, Optional<String> callId) {
        events.add("chat:" + text);
    }

    @Override
    public void contextUpdated(ClientSessionInfo session, Map<String, String> entries) {
        events.add("context:" + entries);
    }

    @Override
    public void qualityReported(ClientSessionInfo session, QualityReport report) {
        events.add("quality:" + report.callId());
    }
}
