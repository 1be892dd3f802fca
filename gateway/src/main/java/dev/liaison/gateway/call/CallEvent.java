package dev.liaison.gateway.call;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What happens to calls, as told to the routes through the {@code gateway:} Camel consumer. */
public sealed interface CallEvent {

    /** The call this event belongs to. */
    String callId();

    /** When the gateway saw it. */
    Instant at();

    /** Stable event type name used in the {@code LiaisonGatewayEvent} header. */
    String type();

    /** A new call waits for the routes to say where it goes ({@code connect}) or to refuse it ({@code reject}). */
    record Incoming(String callId, Instant at, LegKind callerKind, CallRequest request) implements CallEvent {
        @Override
        public String type() {
            return "call.incoming";
        }
    }

    /** The called side rings. */
    record Ringing(String callId, Instant at, LegKind calleeKind, String target) implements CallEvent {
        @Override
        public String type() {
            return "call.ringing";
        }
    }

    /** Both sides are connected. {@code setupTime} runs from the request to the answer. */
    record Answered(String callId, Instant at, LegKind calleeKind, String target, Duration setupTime)
            implements CallEvent {
        @Override
        public String type() {
            return "call.answered";
        }
    }

    /** The call ended. {@code endedBy} is the side that ended it, empty when the gateway did (timeout, error). */
    record Ended(String callId, Instant at, EndReason reason, Optional<LegKind> endedBy) implements CallEvent {
        @Override
        public String type() {
            return "call.ended";
        }
    }

    /** One side renegotiated media (hold, resume, new address); {@code onHold} says whether it now holds the call. */
    record MediaChanged(String callId, Instant at, LegKind side, boolean onHold) implements CallEvent {
        @Override
        public String type() {
            return "call.media-changed";
        }
    }

    /** One side sent a DTMF digit; it was also relayed to the other side. */
    record Dtmf(String callId, Instant at, LegKind side, char digit) implements CallEvent {
        @Override
        public String type() {
            return "call.dtmf";
        }
    }

    /** One side asked to transfer the call; the routes decide (a {@code connect} of the remaining side, or nothing). */
    record TransferRequested(String callId, Instant at, LegKind side, String target, Optional<String> replaces)
            implements CallEvent {
        @Override
        public String type() {
            return "call.transfer-requested";
        }
    }
}
