package dev.liaison.cti.ucce.session;

import dev.liaison.cti.api.error.CtiException;
import dev.liaison.cti.api.event.AgentStateChanged;
import dev.liaison.cti.api.event.CallCleared;
import dev.liaison.cti.api.event.CallDataUpdated;
import dev.liaison.cti.api.event.CallDelivered;
import dev.liaison.cti.api.event.CallEstablished;
import dev.liaison.cti.api.event.CallHeld;
import dev.liaison.cti.api.event.CallRef;
import dev.liaison.cti.api.event.CallRetrieved;
import dev.liaison.cti.api.event.CallTransferred;
import dev.liaison.cti.api.event.ContactDequeued;
import dev.liaison.cti.api.event.ContactQueued;
import dev.liaison.cti.api.event.CtiEvent;
import dev.liaison.cti.api.identity.CallIdentityMap;
import dev.liaison.cti.api.identity.CorrelationId;
import dev.liaison.cti.api.identity.PeripheralCallId;
import dev.liaison.cti.api.identity.RouterCallKey;
import dev.liaison.cti.api.operation.CtiOperation;
import dev.liaison.cti.api.screenpop.ScreenPopMapping;
import dev.liaison.cti.ucce.link.LinkListener;
import dev.liaison.cti.ucce.link.LinkMetrics;
import dev.liaison.cti.ucce.link.Side;
import dev.liaison.cti.ucce.link.UcceLink;
import dev.liaison.cti.ucce.protocol.AgentMessages.AgentStateEvent;
import dev.liaison.cti.ucce.protocol.CallData;
import dev.liaison.cti.ucce.protocol.CallEventMessages;
import dev.liaison.cti.ucce.protocol.CallEventMessages.Connection;
import dev.liaison.cti.ucce.protocol.SessionMessages.FailureEvent;
import dev.liaison.cti.ucce.protocol.SessionMessages.OpenConf;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UCCE session above the link: turns the CTI Server's events into {@code cti-api} events, tracks calls and agents
 * so that replayed or doubled events are suppressed, correlates calls with Liaison's correlation ID (read back from
 * the screen-pop field it was written to), resyncs agent and call state after every reconnect ({@link Resync}) and
 * executes operations ({@link Operations}). Events reach the subscribers on the link's dispatcher thread, in order.
 */
public final class UcceSession implements LinkListener {

    private static final Logger log = LoggerFactory.getLogger(UcceSession.class);

    private final SessionSettings settings;
    private final LinkMetrics metrics;
    private final CallTracker calls;
    private final AgentTracker agents;
    private final CallIdentityMap identities;
    private final List<Consumer<CtiEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final String correlationField;
    private volatile UcceLink link;
    private volatile int opens;

    public UcceSession(SessionSettings settings, LinkMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
        this.calls = new CallTracker(settings.maxTrackedCalls(), this::evicted);
        this.agents = new AgentTracker(settings.maxTrackedAgents());
        this.identities = new CallIdentityMap(settings.maxTrackedCalls());
        this.correlationField = settings.screenPop().rules().stream()
                .filter(r -> r.contextKey().equals(settings.correlationKey()))
                .map(r -> r.field().vendorName())
                .findFirst()
                .orElse(null);
        settings.agents().forEach(a -> agents.watch(a.agentId(), a.instrument()));
    }

    /** Binds the link this session listens to (the link is built with this session as its listener). */
    public void attach(UcceLink link) {
        this.link = link;
    }

    public UcceLink link() {
        return link;
    }

    public SessionSettings settings() {
        return settings;
    }

    public void subscribe(Consumer<CtiEvent> subscriber) {
        subscribers.add(subscriber);
    }

    public void unsubscribe(Consumer<CtiEvent> subscriber) {
        subscribers.remove(subscriber);
    }

    /** Executes an operation; see {@link Operations} for what each becomes on the wire and returns. */
    public Object execute(CtiOperation operation) throws CtiException {
        return new Operations(this).execute(operation);
    }

    /** Live calls tracked now (a finished call test expects 0: nothing leaked). */
    public int trackedCalls() {
        return calls.size();
    }

    public int correlatedCalls() {
        return identities.size();
    }

    ScreenPopMapping screenPop() {
        return settings.screenPop();
    }

    CallTracker calls() {
        return calls;
    }

    AgentTracker agents() {
        return agents;
    }

    LinkMetrics metrics() {
        return metrics;
    }

    @Override
    public void opened(Side side, OpenConf conf) {
        if (opens++ > 0) {
            new Resync(this).run();
        }
    }

    @Override
    public void down(String reason) {
        log.info("UCCE session {} down: {}; calls and agents stay tracked for resync", settings.link(), reason);
    }

    @Override
    public void event(Object e) {
        Instant at = settings.clock().instant();
        if (e instanceof CallEventMessages.BeginCall b) {
            TrackedCall call = calls.track(id(b.connection()));
            if (call != null) {
                remember(call, b.connection(), b.data());
            }
        } else if (e instanceof CallEventMessages.CallDelivered d) {
            TrackedCall call = calls.track(id(d.connection()));
            if (call != null) {
                remember(call, d.connection(), d.data());
                call.agentDevice = d.alertingDevice();
            }
            if (call != null && calls.advance(call, CallPhase.ALERTING)) {
                String ani = d.data().ani() != null ? d.data().ani() : d.callingDevice();
                String dnis = d.data().dnis() != null ? d.data().dnis() : d.calledDevice();
                emit(new CallDelivered(
                        settings.link(),
                        at,
                        call.ref,
                        d.alertingDevice(),
                        agents.agentAt(d.alertingDevice()),
                        ani,
                        dnis,
                        call.callData));
            } else {
                metrics.duplicate("call.delivered");
            }
        } else if (e instanceof CallEventMessages.CallEstablished x) {
            transition(
                    x.connection(),
                    CallPhase.CONNECTED,
                    "call.established",
                    c -> new CallEstablished(settings.link(), at, c.ref, x.answeringDevice()));
        } else if (e instanceof CallEventMessages.CallHeld x) {
            transition(
                    x.connection(),
                    CallPhase.HELD,
                    "call.held",
                    c -> new CallHeld(settings.link(), at, c.ref, x.holdingDevice()));
        } else if (e instanceof CallEventMessages.CallRetrieved x) {
            transition(
                    x.connection(),
                    CallPhase.CONNECTED,
                    "call.retrieved",
                    c -> new CallRetrieved(settings.link(), at, c.ref, x.retrievingDevice()));
        } else if (e instanceof CallEventMessages.CallQueue q) {
            CallPhase next = q.queued() ? CallPhase.QUEUED : CallPhase.DEQUEUED;
            String queue = q.queueDevice() != null ? q.queueDevice() : Long.toString(q.serviceNumber());
            transition(
                    q.connection(),
                    next,
                    q.queued() ? "contact.queued" : "contact.dequeued",
                    c -> q.queued()
                            ? new ContactQueued(settings.link(), at, c.ref, queue)
                            : new ContactDequeued(settings.link(), at, c.ref, queue));
        } else if (e instanceof CallEventMessages.CallCleared x) {
            TrackedCall call = calls.get(id(x.connection()));
            if (call != null && calls.advance(call, CallPhase.CLEARED)) {
                emit(new CallCleared(settings.link(), at, call.ref, cause(x.eventCause())));
                forget(call);
            } else {
                metrics.duplicate("call.cleared");
            }
        } else if (e instanceof CallEventMessages.EndCall x) {
            TrackedCall call = calls.get(id(x.connection()));
            if (call != null) {
                forget(call);
            }
        } else if (e instanceof CallEventMessages.CallDataUpdate u) {
            TrackedCall call = calls.track(id(u.connection()));
            if (call == null) {
                metrics.duplicate("call.data");
                return;
            }
            Map<String, String> before = Map.copyOf(call.callData);
            remember(call, u.connection(), u.data());
            if (!before.equals(call.callData)) {
                emit(new CallDataUpdated(settings.link(), at, call.ref, call.callData));
            } else {
                metrics.duplicate("call.data");
            }
        } else if (e instanceof CallEventMessages.CallTransferred t) {
            transferred(t, at);
        } else if (e instanceof AgentStateEvent a) {
            agentState(a, at);
        } else if (e instanceof FailureEvent f) {
            log.warn("UCCE link {}: FAILURE_EVENT status {}", settings.link(), f.status());
        }
    }

    private void transferred(CallEventMessages.CallTransferred t, Instant at) {
        PeripheralCallId primary = new PeripheralCallId(t.peripheralId(), t.primaryCallId());
        PeripheralCallId secondary = new PeripheralCallId(t.peripheralId(), t.secondaryCallId());
        TrackedCall call = calls.get(primary);
        if (call == null) {
            metrics.duplicate("call.transferred");
            return;
        }
        CallRef from = call.ref;
        // the call continues as the secondary call: at the transfer target it is alerting (blind transfer) unless the
        // consultation call was already tracked, whose phase then stands
        TrackedCall consult = calls.get(secondary);
        call.phase = consult != null ? consult.phase : CallPhase.ALERTING;
        call.ref = new CallRef(secondary, from.enterpriseId(), from.correlationId());
        call.deviceId = t.secondaryDevice();
        call.agentDevice = t.transferredDevice();
        calls.rename(primary, secondary, call);
        if (from.correlationId() != null) {
            bind(from.correlationId(), secondary);
        }
        emit(new CallTransferred(settings.link(), at, call.ref, from, t.transferringDevice(), t.transferredDevice()));
    }

    private void agentState(AgentStateEvent a, Instant at) {
        if (a.agentId() == null) {
            return;
        }
        if (agents.update(a.agentId(), new AgentTracker.Status(a.agentState(), a.reasonCode(), a.instrument()))) {
            emit(new AgentStateChanged(
                    settings.link(),
                    at,
                    a.agentId(),
                    a.instrument(),
                    UcceAgentStates.normalize(a.agentState()),
                    UcceAgentStates.vendorName(a.agentState()),
                    a.reasonCode() == 0 ? null : a.reasonCode()));
        } else {
            metrics.duplicate("agent.state");
        }
    }

    private void transition(
            Connection connection,
            CallPhase next,
            String type,
            java.util.function.Function<TrackedCall, CtiEvent> make) {
        TrackedCall call = next == CallPhase.QUEUED ? calls.track(id(connection)) : calls.get(id(connection));
        if (call == null && next != CallPhase.QUEUED) {
            call = calls.track(id(connection));
        }
        if (call != null && connection.deviceId() != null && call.deviceId == null) {
            call.deviceId = connection.deviceId();
        }
        if (call != null && calls.advance(call, next)) {
            emit(make.apply(call));
        } else {
            metrics.duplicate(type);
        }
    }

    /** Merges call data, the RouterCallKey and the correlation ID into the tracked call. */
    private void remember(TrackedCall call, Connection connection, CallData data) {
        if (connection.deviceId() != null) {
            call.deviceId = connection.deviceId();
        }
        call.callData.putAll(data.byVendorName());
        RouterCallKey key = data.routerCallKeyDay() != null && data.routerCallKeyCallId() != null
                ? new RouterCallKey(data.routerCallKeyDay(), data.routerCallKeyCallId())
                : null;
        CorrelationId correlation = call.ref.correlationId();
        if (correlation == null && correlationField != null) {
            String value = call.callData.get(correlationField);
            if (value != null) {
                try {
                    correlation = new CorrelationId(value);
                } catch (IllegalArgumentException ignored) {
                    log.warn("UCCE link {}: {} holds no valid correlation ID", settings.link(), correlationField);
                }
            }
        }
        call.ref = new CallRef(call.ref.callId(), key != null ? key : call.ref.enterpriseId(), correlation);
        if (correlation != null) {
            bind(correlation, call.ref.callId());
            if (key != null) {
                bind(correlation, key);
            }
        }
    }

    void bind(CorrelationId correlation, dev.liaison.cti.api.identity.VendorCallId id) {
        try {
            identities.bind(correlation, id);
        } catch (CtiException e) {
            log.warn("UCCE link {}: {}", settings.link(), e.getMessage());
        }
    }

    void forget(TrackedCall call) {
        calls.end((PeripheralCallId) call.ref.callId());
        if (call.ref.correlationId() != null) {
            identities.release(call.ref.correlationId());
        }
    }

    /** A call forgotten because the tracker was full: its correlation goes too, so the identity map stays bounded. */
    private void evicted(TrackedCall call) {
        log.warn(
                "UCCE link {}: forgetting call {} (more than {} live calls)",
                settings.link(),
                call.ref.callId().text(),
                settings.maxTrackedCalls());
        if (call.ref.correlationId() != null) {
            identities.release(call.ref.correlationId());
        }
    }

    void emit(CtiEvent event) {
        metrics.event(event.type());
        for (Consumer<CtiEvent> s : subscribers) {
            s.accept(event);
        }
    }

    private PeripheralCallId id(Connection c) {
        return new PeripheralCallId(c.peripheralId(), c.callId());
    }

    static String cause(int cec) {
        return switch (cec) {
            case 0xffff -> "none";
            case 3 -> "busy";
            case 5 -> "call cancelled";
            case 10 -> "call not answered";
            case 13 -> "destination not obtainable";
            case 22 -> "new call";
            case 28 -> "redirected";
            case 32 -> "transfer";
            case 35 -> "timeout";
            default -> "cause " + cec;
        };
    }
}
