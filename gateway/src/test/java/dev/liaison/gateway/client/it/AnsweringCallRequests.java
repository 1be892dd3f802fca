package dev.liaison.gateway.client.it;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.CallRequest;
import dev.liaison.gateway.call.CallRequests;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The call layer as a test double: every call a client makes rings and is answered at once with {@link #ANSWER_SDP};
 * the test sees what it got and can act as the far end through the recorded leg.
 */
public final class AnsweringCallRequests implements CallRequests {

    public static final String ANSWER_SDP = "v=0\r\no=far-end 1 1 IN IP4 127.0.0.1\r\ns=-\r\n";

    /** One call received: the caller's leg, what it asked for, and the events the leg reported. */
    public record Received(CallLeg leg, CallRequest request, TestLegListener events) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile boolean answer = true;

    @Override
    public void incoming(CallLeg caller, CallRequest request) {
        TestLegListener events = new TestLegListener();
        caller.setListener(events);
        received.add(new Received(caller, request, events));
        caller.ringing(Optional.empty());
        if (answer) {
            caller.answer(ANSWER_SDP);
        }
    }

    /** Whether calls are answered after ringing (the default) or left ringing, for cancel tests. */
    public void answerImmediately(boolean answer) {
        this.answer = answer;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received last() {
        return received.get(received.size() - 1);
    }

    public void clear() {
        received.clear();
    }
}
