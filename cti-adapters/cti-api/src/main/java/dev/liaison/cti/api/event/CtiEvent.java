package dev.liaison.cti.api.event;

import java.time.Instant;

/**
 * Something the contact center reported, normalized. {@link #link()} names the adapter endpoint it came from (so that
 * two UCCE instances never mix), {@link #at()} is when the adapter received it. Call events carry a {@link CallRef}.
 */
public sealed interface CtiEvent permits AgentStateChanged, CtiEvent.CallEvent {

    String link();

    Instant at();

    /** A short stable name for headers and the timeline: {@code agent.state}, {@code call.delivered}, ... */
    String type();

    /** Events about one call. */
    sealed interface CallEvent extends CtiEvent
            permits CallDelivered,
                    CallEstablished,
                    CallHeld,
                    CallRetrieved,
                    CallTransferred,
                    CallCleared,
                    ContactQueued,
                    ContactDequeued,
                    CallDataUpdated {
        CallRef call();
    }
}
