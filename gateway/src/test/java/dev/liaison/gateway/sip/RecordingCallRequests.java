package dev.liaison.gateway.sip;

import static org.awaitility.Awaitility.await;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.CallRequest;
import dev.liaison.gateway.call.CallRequests;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** A test double of the call routing: records each incoming leg, gives it a listener, and reacts as told. */
final class RecordingCallRequests implements CallRequests {

    record Incoming(CallLeg leg, CallRequest request, RecordingLegListener listener) {}

    final List<Incoming> incoming = new CopyOnWriteArrayList<>();
    private volatile BiConsumer<CallLeg, CallRequest> reaction = (leg, request) -> {};

    /** What to do with each new call, after the listener is set (e.g. ring and answer). */
    void reactWith(BiConsumer<CallLeg, CallRequest> reaction) {
        this.reaction = reaction;
    }

    @Override
    public void incoming(CallLeg caller, CallRequest request) {
        RecordingLegListener listener = new RecordingLegListener();
        caller.setListener(listener);
        incoming.add(new Incoming(caller, request, listener));
        reaction.accept(caller, request);
    }

    Incoming awaitCall() {
        await("an incoming call").atMost(Duration.ofSeconds(15)).until(() -> !incoming.isEmpty());
        return incoming.get(0);
    }
}
