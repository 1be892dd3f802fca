package dev.liaison.gateway.client.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Map;
import java.util.Optional;

/**
 * Messages a browser or app sends on {@code /ws/client}, version 1. Each record's {@link JsonTypeName} is its wire
 * {@code type} and names its schema {@code protocol/v1/client/<type>.schema.json}; the envelope fields ({@code v},
 * {@code type}, {@code id}) are handled by {@link ProtocolCodec}, so the records hold the payload only.
 */
public sealed interface ClientMessage {

    /** Present the consumer token. Must be the first message on a connection. */
    @JsonTypeName("authenticate")
    record Authenticate(String token) implements ClientMessage {}

    /** Start a new session (optionally under the caller's correlation ID) or resume an earlier one by its resume token. */
    @JsonTypeName("start-session")
    record StartSession(Optional<String> correlationId, Optional<String> resumeToken) implements ClientMessage {}

    /** End the session on purpose: its calls are hung up and it cannot be resumed. */
    @JsonTypeName("end-session")
    record EndSession() implements ClientMessage {}

    /** Call a destination of the token's allow-list. {@code media} is {@code audio}, {@code video} or {@code video-one-way}. */
    @JsonTypeName("call")
    record Call(String destination, String media, Optional<String> sdp) implements ClientMessage {}

    /** Accept an incoming call with the SDP answer (or an offer if the incoming call carried none). */
    @JsonTypeName("answer")
    record Answer(String callId, String sdp) implements ClientMessage {}

    /** Refuse an incoming call; {@code reason} is {@code busy} or {@code declined} (the default). */
    @JsonTypeName("reject")
    record Reject(String callId, Optional<String> reason) implements ClientMessage {}

    /** End a call in whatever state it is. */
    @JsonTypeName("hangup")
    record Hangup(String callId) implements ClientMessage {}

    /** Put a call on hold: a renegotiation whose offer marks the media {@code sendonly} or {@code inactive}. */
    @JsonTypeName("hold")
    record Hold(String callId, String sdp) implements ClientMessage {}

    /** Take a call off hold: a renegotiation whose offer marks the media {@code sendrecv} again. */
    @JsonTypeName("resume")
    record Resume(String callId, String sdp) implements ClientMessage {}

    /** The local microphone or camera was muted or unmuted; reported to the other side of the call. */
    @JsonTypeName("mute")
    record Mute(String callId, boolean audioMuted, boolean videoMuted) implements ClientMessage {}

    /** Send DTMF digits (0-9, *, #, A-D) out of band, each for {@code durationMs} (default 100). */
    @JsonTypeName("dtmf")
    record Dtmf(String callId, String digits, Optional<Integer> durationMs) implements ClientMessage {}

    /** A chat message from the customer, about a call or the session as a whole. */
    @JsonTypeName("chat")
    record Chat(String text, Optional<String> callId) implements ClientMessage {}

    /** Add or replace context entries of the session (page, device, answers): string keys to string values. */
    @JsonTypeName("context")
    record ContextUpdate(Map<String, String> entries) implements ClientMessage {}

    /** The client's view of a call's network quality, so the contact center can react (for example drop video). */
    @JsonTypeName("quality")
    record QualityReport(String callId, double rttMs, double jitterMs, double lossPercent, Optional<Double> bitrateKbps)
            implements ClientMessage {}

    /** Renegotiate media of an answered call (new codecs, address, video on or off). */
    @JsonTypeName("media-offer")
    record MediaOffer(String callId, String sdp) implements ClientMessage {}

    /** Answer a {@code media-offer} the server sent. */
    @JsonTypeName("media-answer")
    record MediaAnswer(String callId, String sdp) implements ClientMessage {}

    /** Keep-alive; answered with {@code pong}. */
    @JsonTypeName("ping")
    record Ping() implements ClientMessage {}
}
