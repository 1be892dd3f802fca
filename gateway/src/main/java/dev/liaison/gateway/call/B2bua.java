package dev.liaison.gateway.call;

import dev.liaison.gateway.media.BridgeSide;
import dev.liaison.gateway.media.MediaBridge;
import dev.liaison.gateway.media.MediaException;
import dev.liaison.gateway.media.MediaPort;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The back-to-back user agent: where calls from browsers and from the trunk enter ({@link CallRequests}), where the
 * routes' commands land ({@link #connect}, {@link #ring}, {@link #reject}, {@link #hangUp}), and the registry of the
 * calls this node carries. Each call is a {@link Call}; this class only creates, finds and forgets them.
 */
public class B2bua implements CallRequests, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(B2bua.class);
    private static final EndReason SHUTDOWN = new EndReason("shutdown", 503, "Gateway shutting down");
    private static final EndReason NO_ROUTE = new EndReason("no-route", 404, "No route handles incoming calls");

    private final CallProperties properties;
    private final Map<LegKind, LegProvider> providers = new EnumMap<>(LegKind.class);
    private final Optional<MediaPort> mediaPort;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final SipTargetPolicy sipTargets;
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final List<CallEventListener> listeners = new CopyOnWriteArrayList<>();
    private final MeterRegistry meters;
    private final Timer setupTimer;
    private final QualityReporter quality;
    private volatile boolean closed;

    /** With media-quality reports every 5 s ({@link QualityProperties#defaults()}). */
    public B2bua(
            CallProperties properties,
            List<LegProvider> legProviders,
            Optional<MediaPort> mediaPort,
            ScheduledExecutorService scheduler,
            Clock clock,
            MeterRegistry meters) {
        this(properties, QualityProperties.defaults(), legProviders, mediaPort, scheduler, clock, meters);
    }

    public B2bua(
            CallProperties properties,
            QualityProperties qualityProperties,
            List<LegProvider> legProviders,
            Optional<MediaPort> mediaPort,
            ScheduledExecutorService scheduler,
            Clock clock,
            MeterRegistry meters) {
        this.properties = properties;
        for (LegProvider provider : legProviders) {
            if (providers.putIfAbsent(provider.kind(), provider) != null) {
                throw new IllegalArgumentException("Two leg providers for " + provider.kind());
            }
        }
        this.mediaPort = mediaPort;
        this.scheduler = scheduler;
        this.clock = clock;
        this.sipTargets = new SipTargetPolicy(properties.allowedSipTargets());
        this.meters = meters == null ? new SimpleMeterRegistry() : meters;
        Gauge.builder("liaison.gateway.calls.active", calls, Map::size)
                .description("Calls this node carries now")
                .register(this.meters);
        this.setupTimer = Timer.builder("liaison.gateway.calls.setup")
                .description("Time from a call request to the answer")
                .publishPercentileHistogram()
                .register(this.meters);
        this.quality = new QualityReporter(qualityProperties, scheduler, this.meters);
    }

    /** One media-quality report on a call now, whatever the interval (for tests). */
    void reportQualityNow(String callId) {
        quality.reportNow(find(callId));
    }

    /** The media-quality reporter (for operations and no-leak assertions: no call watched once all ended). */
    public QualityReporter qualityReporter() {
        return quality;
    }

    /** Receives every call event from now on; the Camel consumer registers here. */
    public void addListener(CallEventListener listener) {
        listeners.add(listener);
    }

    public void removeListener(CallEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void incoming(CallLeg caller, CallRequest request) {
        if (closed || calls.size() >= properties.maxCalls()) {
            log.warn(
                    "Refusing a call to {}: {} calls active (max {})",
                    request.destination(),
                    calls.size(),
                    properties.maxCalls());
            caller.reject(EndReason.UNAVAILABLE);
            return;
        }
        if (listeners.isEmpty()) {
            caller.reject(NO_ROUTE);
            return;
        }
        String callId = UUID.randomUUID().toString();
        Call call = new Call(
                callId, caller, request, new SerialExecutor(scheduler, properties.eventQueueSize()), environment());
        calls.put(callId, call);
        call.beginRouting(properties.routingTimeout());
        log.info("Call {} from {} ({}) to {}", callId, caller.remoteIdentity(), caller.kind(), request.destination());
        call.submit(() -> publish(new CallEvent.Incoming(callId, clock.instant(), caller.kind(), request)));
    }

    /**
     * An INVITE with {@code Replaces} for an answered leg of one of our calls: that call swaps the new caller in
     * ({@link Call#replaceSide}); with no call owning {@code replaced} (it ended meanwhile) the caller gets 481.
     */
    @Override
    public void replacing(CallLeg caller, CallLeg replaced, CallRequest request) {
        Optional<Call> owner =
                calls.values().stream().filter(c -> c.owns(replaced)).findFirst();
        if (owner.isEmpty() || closed) {
            caller.reject(Call.JOIN_GONE);
            return;
        }
        Call call = owner.get();
        // Listening at once, so that an end of the new caller before the swap reaches the call.
        caller.setListener(call);
        log.info(
                "Call {}: {} ({}) asks to replace leg {}",
                call.id(),
                caller.remoteIdentity(),
                caller.kind(),
                replaced.id());
        call.submit(() -> call.replaceSide(replaced, caller, request.sdpOffer()));
    }

    /**
     * Places a call from the node itself to {@code target} (a callback ringing the customer): the caller side is an
     * {@link OriginLeg} offering held media, the called side a new leg of {@code kind}. No {@code call.incoming} is
     * published; the call's ringing, answer and end are published as for any call, under {@code callId}, which the
     * caller chooses so it can know the call before its first event.
     *
     * @param request what the called side is told: {@code destination} and the {@code from} attribute name the caller,
     *     {@code correlationId} the contact; its SDP offer is ignored (the origin leg makes the offer)
     * @throws TargetNotAllowedException when a SIP target is outside the restricted-destinations rule
     * @throws NoLegProviderException when this node cannot create legs of that kind
     * @throws CallRefusedException when the node is stopping or carries its maximum of calls
     * @throws IllegalArgumentException when a call with this id is active already
     */
    public void originate(String callId, CallRequest request, LegKind kind, String target) {
        if (kind == LegKind.SIP && !sipTargets.allows(target)) {
            throw new TargetNotAllowedException(target);
        }
        LegProvider provider = providers.get(kind);
        if (provider == null) {
            throw new NoLegProviderException(kind);
        }
        if (closed) {
            throw new CallRefusedException(SHUTDOWN, "The gateway is shutting down");
        }
        if (calls.size() >= properties.maxCalls()) {
            throw new CallRefusedException(
                    EndReason.UNAVAILABLE, calls.size() + " calls active (max " + properties.maxCalls() + ")");
        }
        OriginLeg origin = new OriginLeg(request.destination());
        CallRequest held = new CallRequest(
                request.destination(),
                Optional.of(origin.offer()),
                request.mode(),
                request.correlationId(),
                request.attributes());
        Call call = new Call(
                callId, origin, held, new SerialExecutor(scheduler, properties.eventQueueSize()), environment());
        if (calls.putIfAbsent(callId, call) != null) {
            throw new IllegalArgumentException("A call " + callId + " is active already");
        }
        call.beginRouting(properties.routingTimeout());
        log.info("Call {} placed by the node ({}) to {} ({})", callId, request.destination(), target, kind);
        call.submit(() -> call.connect(provider, target));
    }

    /**
     * Connects a routing call to {@code target} through a new leg of {@code kind}.
     *
     * @throws CallNotFoundException when no such call is active on this node
     * @throws TargetNotAllowedException when a SIP target is outside the restricted-destinations rule
     * @throws NoLegProviderException when this node cannot create legs of that kind
     */
    public void connect(String callId, LegKind kind, String target) {
        Call call = find(callId);
        if (kind == LegKind.SIP && !sipTargets.allows(target)) {
            throw new TargetNotAllowedException(target);
        }
        LegProvider provider = providers.get(kind);
        if (provider == null) {
            throw new NoLegProviderException(kind);
        }
        call.submit(() -> call.connect(provider, target));
    }

    /**
     * Answers a call's pending transfer request (a REFER from one side) with the target the routes resolved: a new leg
     * of {@code kind} to {@code target} is called without an offer (for an attended transfer, asking the target to
     * replace the dialog the REFER named; a kind that cannot is refused with 501), and when it answers it replaces the
     * transferor (whose final NOTIFY says 200), the remaining side's media renegotiated through the bridge. When it
     * fails, the transferor is told its status and the call goes on.
     *
     * @throws CallNotFoundException when no such call is active on this node
     * @throws TargetNotAllowedException when a SIP target is outside the restricted-destinations rule; the transfer is
     *     refused with 403 and the call goes on
     * @throws NoLegProviderException when this node cannot create legs of that kind; the transfer is refused with 503
     */
    public void transfer(String callId, LegKind kind, String target) {
        Call call = find(callId);
        if (kind == LegKind.SIP && !sipTargets.allows(target)) {
            log.warn("Call {}: transfer to {} refused, not an allowed SIP target", callId, target);
            call.submit(() -> call.refuseTransfer(EndReason.FORBIDDEN, target));
            throw new TargetNotAllowedException(target);
        }
        LegProvider provider = providers.get(kind);
        if (provider == null) {
            call.submit(() -> call.refuseTransfer(EndReason.UNAVAILABLE, target));
            throw new NoLegProviderException(kind);
        }
        call.submit(() -> call.transferTo(provider, target));
    }

    /** Refuses a call's pending transfer request: the transferor is told {@code reason}'s status, the call goes on. */
    public void refuseTransfer(String callId, EndReason reason) {
        Call call = find(callId);
        call.submit(() -> call.refuseTransfer(reason, null));
    }

    /** Tells a routing call's caller that it is ringing (while it waits in a queue, for instance). */
    public void ring(String callId) {
        Call call = find(callId);
        call.submit(call::ring);
    }

    /** Refuses a call that is still routing. */
    public void reject(String callId, EndReason reason) {
        Call call = find(callId);
        call.submit(() -> call.reject(reason));
    }

    /**
     * The media broker detected a DTMF key in the RFC 4733 telephone-events side {@code from} of the call sent (the
     * events themselves were relayed to the other side in the media): the call publishes {@code call.dtmf}, once per
     * key, and a browser on the other side also gets the digit as the client protocol's {@code dtmf} message.
     *
     * @throws CallNotFoundException when no such call is active on this node
     */
    public void mediaDtmf(String callId, BridgeSide from, char digit, int durationMillis) {
        Call call = find(callId);
        call.submit(() -> call.mediaDtmf(from, digit, durationMillis));
    }

    /** Ends a call in whatever state it is. */
    public void hangUp(String callId, EndReason reason) {
        Call call = find(callId);
        call.submit(() -> call.hangUp(reason));
    }

    public Optional<CallState> stateOf(String callId) {
        return Optional.ofNullable(calls.get(callId)).map(Call::state);
    }

    /** Ids of the calls active now (for operations and for no-leak assertions in tests). */
    public Set<String> activeCallIds() {
        return Set.copyOf(calls.keySet());
    }

    /** Ends every call (the node is stopping) and refuses new ones. */
    @Override
    public void close() {
        closed = true;
        quality.close();
        calls.values().forEach(call -> call.submit(() -> call.hangUp(SHUTDOWN)));
    }

    private Call find(String callId) {
        Call call = calls.get(callId);
        if (call == null) {
            throw new CallNotFoundException(callId);
        }
        return call;
    }

    private void publish(CallEvent event) {
        for (CallEventListener listener : listeners) {
            try {
                listener.onCallEvent(event);
            } catch (RuntimeException e) {
                log.error("Call {}: listener failed on {}", event.callId(), event.type(), e);
            }
        }
    }

    private CallEnvironment environment() {
        return new CallEnvironment() {
            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public ScheduledExecutorService scheduler() {
                return scheduler;
            }

            @Override
            public MediaBridge openBridge(String callId) {
                return mediaPort
                        .orElseThrow(() -> new MediaException("no media broker configured"))
                        .openBridge(callId);
            }

            @Override
            public Duration answerTimeout() {
                return properties.answerTimeout();
            }

            @Override
            public void publish(CallEvent event) {
                B2bua.this.publish(event);
            }

            @Override
            public boolean transfersRouted() {
                return listeners.stream().anyMatch(l -> l.accepts("call.transfer-requested"));
            }

            @Override
            public void transferUnrouted(Call call, String target) {
                if (!(target.regionMatches(true, 0, "sip:", 0, 4) || target.regionMatches(true, 0, "sips:", 0, 5))) {
                    call.submit(() -> call.refuseTransfer(EndReason.NOT_FOUND, target));
                    return;
                }
                try {
                    transfer(call.id(), LegKind.SIP, target);
                } catch (RuntimeException e) {
                    log.info("Call {}: transfer to {} refused: {}", call.id(), target, e.getMessage());
                }
            }

            @Override
            public Optional<Call> callOf(CallLeg leg) {
                return calls.values().stream().filter(c -> c.owns(leg)).findFirst();
            }

            @Override
            public void ended(Call call, EndReason reason) {
                calls.remove(call.id());
                quality.forget(call);
                Counter.builder("liaison.gateway.calls.ended")
                        .description("Calls ended, by reason")
                        .tag("reason", reason.code())
                        .register(meters)
                        .increment();
            }

            @Override
            public void answered(Call call, Duration setupTime) {
                setupTimer.record(setupTime);
                quality.watch(call);
            }
        };
    }
}
