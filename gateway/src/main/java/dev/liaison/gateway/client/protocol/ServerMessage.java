package dev.liaison.gateway.client.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Messages the server sends on {@code /ws/client}, version 1. Each record's {@link JsonTypeName} is its wire
 * {@code type} and names its schema {@code protocol/v1/server/<type>.schema.json}. A reply to a client message carries
 * that message's {@code id}.
 */
public sealed interface ServerMessage {

    /** The token was accepted. */
    @JsonTypeName("authenticated")
    record Authenticated(String subject, String site, Instant expiresAt) implements ServerMessage {}

    /**
     * The session started or was resumed. Keep {@code resumeToken} secret: it reattaches to this session after a drop.
     * After a resume, {@code calls} lists the calls that are still alive.
     */
    @JsonTypeName("session")
    record Session(
            String sessionId,
            String correlationId,
            boolean resumed,
            String resumeToken,
            long detachTimeoutMs,
            List<CallSnapshot> calls)
            implements ServerMessage {}

    /** The session ended (on request, or closed by the server); the socket closes next. */
    @JsonTypeName("session-ended")
    record SessionEnded(String reason) implements ServerMessage {}

    /** The state of one live call, as sent in {@link Session#calls()} after a resume. */
    record CallSnapshot(
            String callId,
            String direction,
            String state,
            String media,
            String remote,
            boolean held,
            boolean audioMuted,
            boolean videoMuted,
            Optional<String> remoteSdp) {}

    /** A {@code call} was accepted and routed; later messages about it carry this {@code callId}. */
    @JsonTypeName("calling")
    record Calling(String callId, String destination) implements ServerMessage {}

    /** A call towards this client. Answer with {@code answer} or refuse with {@code reject}. */
    @JsonTypeName("incoming-call")
    record IncomingCall(String callId, String from, String media, Optional<String> sdp) implements ServerMessage {}

    /** The far end rings, optionally with early-media SDP. */
    @JsonTypeName("ringing")
    record Ringing(String callId, Optional<String> sdp) implements ServerMessage {}

    /** The far end answered with this SDP. */
    @JsonTypeName("answered")
    record Answered(String callId, String sdp) implements ServerMessage {}

    /** The call ended; {@code reason} is a stable code (normal, busy, declined, no-answer, detach-timeout, ...). */
    @JsonTypeName("ended")
    record Ended(String callId, String reason, String text) implements ServerMessage {}

    /** The far end renegotiates media; answer with {@code media-answer}. */
    @JsonTypeName("media-offer")
    record MediaOffer(String callId, String sdp) implements ServerMessage {}

    /** The answer to the client's {@code media-offer}, {@code hold} or {@code resume}. */
    @JsonTypeName("media-answer")
    record MediaAnswer(String callId, String sdp) implements ServerMessage {}

    /** The far end muted or unmuted its microphone or camera. */
    @JsonTypeName("peer-mute")
    record PeerMute(String callId, boolean audioMuted, boolean videoMuted) implements ServerMessage {}

    /** DTMF digits from the far end. */
    @JsonTypeName("dtmf")
    record Dtmf(String callId, String digits, int durationMs) implements ServerMessage {}

    /**
     * The network quality of a call as the media broker measures it ({@code source} is {@code broker}), every report
     * interval while the call is answered: one entry for the broker's leg towards this client ({@code leg: "self"})
     * and one for its leg towards the other party ({@code leg: "peer"}).
     */
    @JsonTypeName("quality")
    record Quality(String callId, String source, List<LegQuality> legs) implements ServerMessage {
        /** The value of {@code source} for the broker's reports. */
        public static final String BROKER = "broker";
    }

    /**
     * One broker leg of a call in a {@link Quality} report: what the broker received from that peer and sent to it.
     * {@code packetsLost}, {@code jitterMs} and {@code rttMs} are -1 where the broker does not know them (yet).
     *
     * @param leg {@code self} (this client) or {@code peer} (the other party)
     * @param kind the kind of peer: {@code client}, {@code sip}, {@code sip-ws} or {@code origin}
     */
    record LegQuality(
            String leg,
            String kind,
            long packetsReceived,
            long bytesReceived,
            long packetsSent,
            long bytesSent,
            long packetsLost,
            double jitterMs,
            double rttMs) {}

    /** A chat message to the customer. */
    @JsonTypeName("chat")
    record Chat(String from, String text, Optional<String> callId) implements ServerMessage {}

    /** An application event pushed by the contact center (queue position, agent joined, co-browse request...). */
    @JsonTypeName("event")
    record Event(String name, JsonNode data) implements ServerMessage {}

    /** A request failed; {@code code} is stable (see {@link ClientErrorCode}). */
    @JsonTypeName("error")
    record Error(String code, String message, Optional<String> path) implements ServerMessage {}

    /** The answer to {@code ping}. */
    @JsonTypeName("pong")
    record Pong() implements ServerMessage {}
}
