package dev.liaison.media.bridge;

import dev.liaison.media.bridge.MediaRefusedException.Reason;
import dev.liaison.media.codec.TranscoderMetrics;
import dev.liaison.media.leg.LegEndReason;
import dev.liaison.media.leg.LegFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's bridges. Each side's leg is opened at the first SDP that concerns it, in that SDP's profile; each SDP
 * given is answered with the broker's own so each side sees only the broker. Media passes through when both sides
 * share a codec and is transcoded (Opus to PCMU/PCMA and back) when they do not; RTCP ends at each leg, except video
 * feedback (PLI, FIR, NACK) which goes back to the source. A bridge ends on its own when a leg ends or, through
 * {@link #sweepInactive()}, when a sending peer goes silent; the {@link BridgeEndListener} hears it.
 *
 * <p>Meters: {@code liaison.media.bridge.open} (gauge), {@code liaison.media.bridge.relayed{mode}}
 * ({@code pass-through}, {@code transcode}), {@code liaison.media.bridge.dropped{reason}},
 * {@code liaison.media.bridge.rtcp.forwarded}, {@code liaison.media.bridge.ended{reason}},
 * {@code liaison.media.bridge.dtmf.packets} (generated telephone-event packets sent),
 * {@code liaison.media.bridge.dtmf.digits{outcome}} ({@code played}, {@code refused}, {@code cut}),
 * {@code liaison.media.bridge.dtmf.received{outcome}} ({@code detected}, {@code end-lost}, {@code malformed},
 * {@code not-dtmf}).
 *
 * <p>DTMF ({@link #dtmf}) is generated as RFC 4733 telephone events in the RTP stream towards one side, with the
 * telephone-event payload type and clock that side negotiated, spaced in real time by the {@link DtmfTimer}. The other
 * way, the telephone-events a leg sends are relayed as before and also read by a {@link TelephoneEventDetector}, which
 * reports each key once to the {@link DtmfListener}.
 */
public final class Bridges implements MediaBridges {
    private static final Logger log = LoggerFactory.getLogger(Bridges.class);
    private static final int MAX_CALL_ID = 256;

    private final Map<String, Bridge> bridges = new ConcurrentHashMap<>();
    private final BridgeSettings settings;
    private final BridgeEndListener endListener;
    private final Clock clock;
    private final BridgeMetrics metrics;
    private final Bridge.Environment environment;
    private final boolean dtmfAvailable;

    public Bridges(LegFactory legs, BridgeSettings settings, MeterRegistry registry, BridgeEndListener endListener) {
        this(legs, settings, registry, endListener, Clock.systemUTC());
    }

    /** Without a DTMF timer: {@link #dtmf} is refused with {@code UNAVAILABLE}. */
    public Bridges(
            LegFactory legs,
            BridgeSettings settings,
            MeterRegistry registry,
            BridgeEndListener endListener,
            Clock clock) {
        this(legs, settings, registry, endListener, clock, null);
    }

    /** Keys received in the legs' telephone-events are not reported. */
    public Bridges(
            LegFactory legs,
            BridgeSettings settings,
            MeterRegistry registry,
            BridgeEndListener endListener,
            Clock clock,
            DtmfTimer dtmfTimer) {
        this(legs, settings, registry, endListener, clock, dtmfTimer, DtmfListener.NONE);
    }

    /**
     * @param clock the time of {@link #sweepInactive()} and of the relay's timestamps; the legs' clock too
     * @param dtmfTimer spaces the packets of generated DTMF events (the broker's scheduler), and times out received
     *     keys whose end packets were lost; null: no DTMF generated, and such keys wait for the next event
     * @param dtmfListener hears the keys detected in the telephone-events a leg sends
     */
    public Bridges(
            LegFactory legs,
            BridgeSettings settings,
            MeterRegistry registry,
            BridgeEndListener endListener,
            Clock clock,
            DtmfTimer dtmfTimer,
            DtmfListener dtmfListener) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.endListener = Objects.requireNonNull(endListener, "endListener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = new BridgeMetrics(registry, bridges::size);
        this.environment = new Bridge.Environment(
                Objects.requireNonNull(legs, "legs"),
                settings,
                new BrokerSdp(settings),
                clock,
                metrics,
                new TranscoderMetrics(registry),
                dtmfTimer == null ? Bridges::noTimer : dtmfTimer,
                dtmfTimer,
                Objects.requireNonNull(dtmfListener, "dtmfListener"));
        this.dtmfAvailable = dtmfTimer != null;
    }

    private static DtmfTimer.Scheduled noTimer(long delayMillis, Runnable task) {
        throw new MediaRefusedException(Reason.UNAVAILABLE, "this broker has no DTMF timer");
    }

    @Override
    public String open(String callId) {
        Objects.requireNonNull(callId, "callId");
        if (callId.length() > MAX_CALL_ID) {
            throw new IllegalArgumentException("call id longer than " + MAX_CALL_ID + " characters");
        }
        if (bridges.size() >= settings.maxBridges()) {
            throw new MediaRefusedException(Reason.UNAVAILABLE, settings.maxBridges() + " bridges open");
        }
        String id = "bridge-" + UUID.randomUUID();
        bridges.put(id, new Bridge(id, callId, environment, this::end));
        log.debug("bridge {} opened for call {}", id, callId);
        return id;
    }

    @Override
    public String offer(String bridgeId, BridgeSide side, LegProfile from, LegProfile to, String sdpOffer) {
        return bridge(bridgeId)
                .offer(
                        Objects.requireNonNull(side, "side"),
                        Objects.requireNonNull(from, "from"),
                        Objects.requireNonNull(to, "to"),
                        sdpOffer);
    }

    @Override
    public String answer(String bridgeId, BridgeSide side, LegProfile from, String sdpAnswer) {
        return bridge(bridgeId)
                .answer(Objects.requireNonNull(side, "side"), Objects.requireNonNull(from, "from"), sdpAnswer);
    }

    @Override
    public void dtmf(String bridgeId, BridgeSide side, char digit, int durationMillis) {
        Bridge bridge = bridge(bridgeId);
        if (!dtmfAvailable) {
            throw new MediaRefusedException(Reason.UNAVAILABLE, "this broker has no DTMF timer");
        }
        bridge.dtmf(Objects.requireNonNull(side, "side"), digit, durationMillis);
    }

    @Override
    public BridgeStatistics statistics(String bridgeId) {
        return bridge(bridgeId).statistics();
    }

    @Override
    public void close(String bridgeId) {
        if (bridgeId == null) {
            return;
        }
        Bridge bridge = bridges.remove(bridgeId);
        if (bridge != null && bridge.close()) {
            log.debug("bridge {} of call {} closed", bridgeId, bridge.callId);
        }
    }

    @Override
    public int openCount() {
        return bridges.size();
    }

    /**
     * Ends every bridge where a side that should be sending has received nothing for the inactivity timeout since
     * the last answer (a side on hold that sends nothing is not counted). Scheduled by the owner, e.g. every few
     * seconds; each ended bridge is reported to the listener with {@link LegEndReason#INACTIVITY}.
     *
     * @return the ids of the bridges ended
     */
    public List<String> sweepInactive() {
        Instant now = clock.instant();
        List<String> ended = new ArrayList<>();
        for (Bridge bridge : bridges.values()) {
            if (bridge.inactive(now, settings.inactivityTimeout()) && end(bridge, LegEndReason.INACTIVITY)) {
                ended.add(bridge.id);
            }
        }
        return ended;
    }

    /** The ids of the bridges open now. */
    List<String> openIds() {
        return List.copyOf(bridges.keySet());
    }

    /** DTMF digits waiting or playing towards a side of a bridge (for tests). */
    int dtmfPending(String bridgeId, BridgeSide side) {
        return bridge(bridgeId).dtmfPending(side);
    }

    /** The media sections negotiated on a bridge so far (for tests and diagnostics). */
    List<NegotiatedLine> negotiated(String bridgeId) {
        return bridge(bridgeId).lines();
    }

    private boolean end(Bridge bridge, LegEndReason reason) {
        if (!bridges.remove(bridge.id, bridge)) {
            return false;
        }
        bridge.close();
        metrics.ended(reason);
        log.info("bridge {} of call {} ended: {}", bridge.id, bridge.callId, reason);
        try {
            endListener.ended(bridge.id, bridge.callId, reason);
        } catch (RuntimeException e) {
            log.warn("bridge {}: end listener failed", bridge.id, e);
        }
        return true;
    }

    private Bridge bridge(String bridgeId) {
        Bridge bridge = bridgeId == null ? null : bridges.get(bridgeId);
        if (bridge == null) {
            throw new MediaRefusedException(Reason.UNKNOWN_BRIDGE, "no bridge " + bridgeId);
        }
        return bridge;
    }
}
