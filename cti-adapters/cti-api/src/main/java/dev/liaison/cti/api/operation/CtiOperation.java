package dev.liaison.cti.api.operation;

import dev.liaison.cti.api.event.AgentState;
import dev.liaison.cti.api.event.CallRef;
import dev.liaison.cti.api.identity.CorrelationId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A request to the contact center, normalized. Adapters translate each into their protocol or fail with
 * {@link dev.liaison.cti.api.error.CtiFailure#UNSUPPORTED}; {@link #name()} is the value of the operation header.
 */
public sealed interface CtiOperation {

    String name();

    /** Log the agent in at {@code instrument} (phone/extension); {@code password} may be empty. */
    record AgentLogin(String agentId, String instrument, String password) implements CtiOperation {
        public AgentLogin {
            requireText(agentId, "agentId");
            requireText(instrument, "instrument");
            password = password == null ? "" : password;
        }

        @Override
        public String name() {
            return "agent.login";
        }
    }

    /** Log the agent out; {@code reasonCode} is the vendor's logout reason or null. */
    record AgentLogout(String agentId, String instrument, Integer reasonCode) implements CtiOperation {
        public AgentLogout {
            requireText(agentId, "agentId");
            requireText(instrument, "instrument");
        }

        @Override
        public String name() {
            return "agent.logout";
        }
    }

    /** Put the agent in {@code state} (READY, NOT_READY, WORK); {@code reasonCode} for NOT_READY or null. */
    record SetAgentState(String agentId, String instrument, AgentState state, Integer reasonCode)
            implements CtiOperation {
        public SetAgentState {
            requireText(agentId, "agentId");
            requireText(instrument, "instrument");
            Objects.requireNonNull(state, "state");
        }

        @Override
        public String name() {
            return "agent.state";
        }
    }

    /** Place a call from the agent's {@code instrument} to {@code dialedNumber}, with context to pop. */
    record MakeCall(String instrument, String dialedNumber, Map<String, String> context) implements CtiOperation {
        public MakeCall {
            requireText(instrument, "instrument");
            requireText(dialedNumber, "dialedNumber");
            context = context == null ? Map.of() : Map.copyOf(context);
        }

        @Override
        public String name() {
            return "call.make";
        }
    }

    /** Answer the alerting call at {@code device}. */
    record AnswerCall(CallRef call, String device) implements CtiOperation {
        public AnswerCall {
            Objects.requireNonNull(call, "call");
            requireText(device, "device");
        }

        @Override
        public String name() {
            return "call.answer";
        }
    }

    /** Release {@code device} from the call (hang up). */
    record ReleaseCall(CallRef call, String device) implements CtiOperation {
        public ReleaseCall {
            Objects.requireNonNull(call, "call");
            requireText(device, "device");
        }

        @Override
        public String name() {
            return "call.release";
        }
    }

    /** Put the call on hold at {@code device}. */
    record HoldCall(CallRef call, String device) implements CtiOperation {
        public HoldCall {
            Objects.requireNonNull(call, "call");
            requireText(device, "device");
        }

        @Override
        public String name() {
            return "call.hold";
        }
    }

    /** Take the held call off hold at {@code device}. */
    record RetrieveCall(CallRef call, String device) implements CtiOperation {
        public RetrieveCall {
            Objects.requireNonNull(call, "call");
            requireText(device, "device");
        }

        @Override
        public String name() {
            return "call.retrieve";
        }
    }

    /** Transfer the call from {@code device} to {@code target} (blind when the vendor supports it). */
    record TransferCall(CallRef call, String device, String target) implements CtiOperation {
        public TransferCall {
            Objects.requireNonNull(call, "call");
            requireText(device, "device");
            requireText(target, "target");
        }

        @Override
        public String name() {
            return "call.transfer";
        }
    }

    /** Attach {@code context} (Liaison keys) to the call, mapped to the vendor's screen-pop fields. */
    record SetCallData(CallRef call, Map<String, String> context) implements CtiOperation {
        public SetCallData {
            Objects.requireNonNull(call, "call");
            context = Map.copyOf(context);
        }

        @Override
        public String name() {
            return "call.data";
        }
    }

    /** Queue a non-voice task (chat) at the vendor with required skills and context. */
    record CreateTask(
            CorrelationId correlationId, String queue, Set<String> skills, int priority, Map<String, String> context)
            implements CtiOperation {
        public CreateTask {
            Objects.requireNonNull(correlationId, "correlationId");
            requireText(queue, "queue");
            skills = Set.copyOf(skills);
            context = Map.copyOf(context);
        }

        @Override
        public String name() {
            return "task.create";
        }
    }

    /** Queue a callback to {@code phoneNumber} at the vendor, now ({@code notBefore} null) or from a time. */
    record CreateCallback(
            CorrelationId correlationId,
            String queue,
            Set<String> skills,
            String phoneNumber,
            Instant notBefore,
            Map<String, String> context)
            implements CtiOperation {
        public CreateCallback {
            Objects.requireNonNull(correlationId, "correlationId");
            requireText(queue, "queue");
            requireText(phoneNumber, "phoneNumber");
            skills = Set.copyOf(skills);
            context = Map.copyOf(context);
        }

        @Override
        public String name() {
            return "callback.create";
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
