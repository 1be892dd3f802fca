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

    /**
     * One side asked to transfer the call (SIP REFER): the routes answer with {@code transfer} (a resolved target) or
     * {@code refuse-transfer}; with no route taking this event the gateway transfers to {@code target} as given.
     * {@code destination} is what the transferor asked for in dial-plan terms (the user part of a SIP URI).
     */
    record TransferRequested(
            String callId, Instant at, LegKind side, String target, String destination, Optional<String> replaces)
            implements CallEvent {
        @Override
        public String type() {
            return "call.transfer-requested";
        }
    }

    /**
     * A transfer completed: the side that asked for it was replaced by a new leg of {@code newSideKind} to
     * {@code target}, the remaining side's media was renegotiated through the bridge, and the transferor was hung up.
     * For a join (an attended transfer whose {@code Replaces} named another call of this node), {@code joinedCallId}
     * is that other call, whose remaining side is the new side here and which ended with {@code joined}.
     */
    record Transferred(String callId, Instant at, LegKind newSideKind, String target, Optional<String> joinedCallId)
            implements CallEvent {

        /** A transfer to a newly called leg (not a join). */
        public Transferred(String callId, Instant at, LegKind newSideKind, String target) {
            this(callId, at, newSideKind, target, Optional.empty());
        }

        @Override
        public String type() {
            return "call.transferred";
        }
    }

    /**
     * A transfer did not happen: refused ({@code forbidden} for a target outside the allow-list), not routed, or the
     * target failed (busy, no answer...). The call goes on unless the transferor had already hung up, in which case a
     * {@code call.ended} with {@code transfer-failed} follows. {@code side} is the transferor's kind.
     */
    record TransferFailed(String callId, Instant at, LegKind side, String target, EndReason reason)
            implements CallEvent {
        @Override
        public String type() {
            return "call.transfer-failed";
        }
    }
}
