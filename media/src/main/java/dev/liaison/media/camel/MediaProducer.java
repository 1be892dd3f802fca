package dev.liaison.media.camel;

import dev.liaison.media.bridge.BridgeSide;
import dev.liaison.media.bridge.LegProfile;
import dev.liaison.media.bridge.MediaBridges;
import dev.liaison.media.bridge.MediaRefusedException;
import dev.liaison.media.leg.LegUnavailableException;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Carries out the bridge operation named by {@code LiaisonMediaOperation} (or the endpoint's {@code operation}
 * option). SDP travels in the body: an offer or answer in, the broker's own out; {@code statistics} puts a
 * {@link dev.liaison.media.bridge.BridgeStatistics} in the body; {@code dtmf} leaves the body alone. A refusal fails the exchange with
 * {@link MediaRefusedException} and puts its reason in {@code LiaisonMediaReason}; a missing or bad header fails it
 * with {@link IllegalArgumentException}.
 */
public class MediaProducer extends DefaultProducer {

    MediaProducer(MediaEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public MediaEndpoint getEndpoint() {
        return (MediaEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String name = message.getHeader(MediaConstants.OPERATION, getEndpoint().getOperation(), String.class);
        if (name == null) {
            throw new IllegalArgumentException(
                    "No operation: set the LiaisonMediaOperation header or the operation option");
        }
        MediaOperation operation = MediaOperation.parse(name);
        MediaBridges bridges = getEndpoint().getComponent().getBridges();
        try {
            switch (operation) {
                case OPEN -> {
                    String bridgeId = bridges.open(required(message, MediaConstants.CALL_ID));
                    message.setHeader(MediaConstants.BRIDGE_ID, bridgeId);
                    message.setBody(bridgeId);
                }
                case OFFER ->
                    message.setBody(bridges.offer(
                            required(message, MediaConstants.BRIDGE_ID),
                            side(message),
                            profile(message, MediaConstants.FROM_PROFILE),
                            profile(message, MediaConstants.TO_PROFILE),
                            sdp(message)));
                case ANSWER ->
                    message.setBody(bridges.answer(
                            required(message, MediaConstants.BRIDGE_ID),
                            side(message),
                            profile(message, MediaConstants.FROM_PROFILE),
                            sdp(message)));
                case DTMF ->
                    bridges.dtmf(
                            required(message, MediaConstants.BRIDGE_ID),
                            side(message),
                            digit(message),
                            duration(message));
                case STATISTICS -> message.setBody(bridges.statistics(required(message, MediaConstants.BRIDGE_ID)));
                case CLOSE -> bridges.close(required(message, MediaConstants.BRIDGE_ID));
            }
        } catch (MediaRefusedException e) {
            message.setHeader(MediaConstants.REASON, e.reason().name());
            throw e;
        } catch (LegUnavailableException e) {
            message.setHeader(MediaConstants.REASON, MediaRefusedException.Reason.UNAVAILABLE.name());
            throw new MediaRefusedException(MediaRefusedException.Reason.UNAVAILABLE, e.getMessage(), e);
        }
    }

    private static String required(Message message, String header) {
        String value = message.getHeader(header, String.class);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The " + header + " header is required");
        }
        return value;
    }

    private static char digit(Message message) {
        String digit = required(message, MediaConstants.DTMF_DIGIT).trim();
        if (digit.length() != 1 || "0123456789*#ABCDabcd".indexOf(digit.charAt(0)) < 0) {
            throw new IllegalArgumentException("The " + MediaConstants.DTMF_DIGIT
                    + " header must be one of 0-9, *, #, A-D, got '" + shorten(digit) + "'");
        }
        return digit.charAt(0);
    }

    private static int duration(Message message) {
        Object value = message.getHeader(MediaConstants.DTMF_DURATION);
        if (value == null) {
            return MediaConstants.DEFAULT_DTMF_DURATION;
        }
        Integer duration = value instanceof Number n
                ? Integer.valueOf(n.intValue())
                : parseInt(value.toString().trim());
        if (duration == null || duration < 40 || duration > 5000) {
            throw new IllegalArgumentException("The " + MediaConstants.DTMF_DURATION
                    + " header must be 40 to 5000 (milliseconds), got '" + shorten(value.toString()) + "'");
        }
        return duration;
    }

    private static Integer parseInt(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String shorten(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "..." : text;
    }

    private static String sdp(Message message) {
        String body = message.getBody(String.class);
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("The body must be an SDP");
        }
        return body;
    }

    private static BridgeSide side(Message message) {
        Object value = message.getHeader(MediaConstants.SIDE);
        if (value instanceof BridgeSide side) {
            return side;
        }
        String text = value == null ? "" : value.toString().trim().toUpperCase(Locale.ROOT);
        try {
            return BridgeSide.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "The " + MediaConstants.SIDE + " header must be A or B, got '" + value + "'");
        }
    }

    private static LegProfile profile(Message message, String header) {
        Object value = message.getHeader(header);
        if (value instanceof LegProfile profile) {
            return profile;
        }
        String text = value == null ? "" : value.toString().trim().toUpperCase(Locale.ROOT);
        try {
            return LegProfile.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The " + header + " header must be WEBRTC or RTP, got '" + value + "'");
        }
    }
}
