package dev.liaison.routes.media;

import dev.liaison.gateway.call.LegKind;
import dev.liaison.gateway.media.BridgeSide;
import dev.liaison.gateway.media.LegMediaStatistics;
import dev.liaison.gateway.media.MediaBridge;
import dev.liaison.gateway.media.MediaException;
import dev.liaison.gateway.media.MediaPort;
import dev.liaison.gateway.media.MediaStatistics;
import dev.liaison.media.bridge.BridgeStatistics;
import dev.liaison.media.bridge.MediaRefusedException;
import dev.liaison.media.camel.MediaConstants;
import dev.liaison.media.leg.LegStatistics;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's media port over the {@code media:bridge} endpoint, through the {@link MediaPortRoutes} route: each
 * bridge operation (open, offer, answer, dtmf, statistics, close) is one exchange. A refusal
 * ({@link MediaRefusedException}) or any other failure of the exchange becomes the gateway's {@link MediaException},
 * which ends the call with {@code no-media} or {@code media-refused}.
 */
public final class CamelMediaPort implements MediaPort {

    private static final Logger log = LoggerFactory.getLogger(CamelMediaPort.class);

    /** Where every bridge operation goes: the {@link MediaPortRoutes} route to {@code media:bridge}. */
    public static final String ENDPOINT = MediaPortRoutes.ENDPOINT;

    private final Supplier<ProducerTemplate> template;

    /** @param template the application's producer template, looked up at the first call (Camel starts after us) */
    public CamelMediaPort(Supplier<ProducerTemplate> template) {
        this.template = template;
    }

    @Override
    public MediaBridge openBridge(String callId) {
        Exchange done = request("open", Map.of(MediaConstants.CALL_ID, callId), null);
        String bridgeId = done.getMessage().getHeader(MediaConstants.BRIDGE_ID, String.class);
        if (bridgeId == null) {
            throw new MediaException("the media broker opened no bridge for call " + callId);
        }
        return new Bridge(bridgeId, callId);
    }

    private Exchange request(String operation, Map<String, Object> headers, String body) {
        Exchange done = template.get().request(ENDPOINT, exchange -> {
            exchange.getIn().setHeaders(new HashMap<>(headers));
            exchange.getIn().setHeader(MediaConstants.OPERATION, operation);
            exchange.getIn().setBody(body);
        });
        Exception failure = done.getException();
        if (failure instanceof MediaRefusedException refused) {
            throw new MediaException("media refused (" + refused.reason() + "): " + refused.getMessage(), refused);
        }
        if (failure != null) {
            throw new MediaException("media broker failed on " + operation + ": " + failure.getMessage(), failure);
        }
        return done;
    }

    /** One call's bridge: remembers its id, maps sides and leg kinds onto the broker's. */
    private final class Bridge implements MediaBridge {

        private final String bridgeId;
        private final String callId;
        private final AtomicBoolean closed = new AtomicBoolean();

        Bridge(String bridgeId, String callId) {
            this.bridgeId = bridgeId;
            this.callId = callId;
        }

        @Override
        public String offer(BridgeSide side, LegKind from, LegKind to, String sdpOffer) {
            Map<String, Object> headers = Map.of(
                    MediaConstants.BRIDGE_ID, bridgeId,
                    MediaConstants.SIDE, side(side),
                    MediaConstants.FROM_PROFILE, LegProfiles.of(from),
                    MediaConstants.TO_PROFILE, LegProfiles.of(to));
            return request("offer", headers, sdpOffer).getMessage().getBody(String.class);
        }

        @Override
        public String answer(BridgeSide side, LegKind from, String sdpAnswer) {
            Map<String, Object> headers = Map.of(
                    MediaConstants.BRIDGE_ID, bridgeId,
                    MediaConstants.SIDE, side(side),
                    MediaConstants.FROM_PROFILE, LegProfiles.of(from));
            return request("answer", headers, sdpAnswer).getMessage().getBody(String.class);
        }

        @Override
        public void sendDtmf(BridgeSide side, char digit, int durationMillis) {
            Map<String, Object> headers = Map.of(
                    MediaConstants.BRIDGE_ID,
                    bridgeId,
                    MediaConstants.SIDE,
                    side(side),
                    MediaConstants.DTMF_DIGIT,
                    String.valueOf(digit),
                    MediaConstants.DTMF_DURATION,
                    durationMillis);
            request("dtmf", headers, null);
        }

        @Override
        public Optional<MediaStatistics> statistics() {
            BridgeStatistics stats = request("statistics", Map.of(MediaConstants.BRIDGE_ID, bridgeId), null)
                    .getMessage()
                    .getBody(BridgeStatistics.class);
            if (stats == null) {
                throw new MediaException("the media broker gave no statistics for bridge " + bridgeId);
            }
            return Optional.of(new MediaStatistics(leg(stats.a()), leg(stats.b())));
        }

        private static LegMediaStatistics leg(LegStatistics s) {
            return new LegMediaStatistics(
                    s.packetsReceived(),
                    s.bytesReceived(),
                    s.packetsSent(),
                    s.bytesSent(),
                    s.packetsLost(),
                    s.jitterMillis(),
                    s.roundTripMillis());
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            try {
                request("close", Map.of(MediaConstants.BRIDGE_ID, bridgeId), null);
            } catch (MediaException e) {
                log.warn("Call {}: closing media bridge {} failed: {}", callId, bridgeId, e.getMessage());
            }
        }

        private static dev.liaison.media.bridge.BridgeSide side(BridgeSide side) {
            return dev.liaison.media.bridge.BridgeSide.valueOf(side.name());
        }
    }
}
