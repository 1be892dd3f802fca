package dev.liaison.gateway.client;

import java.util.Map;
import java.util.Optional;

/**
 * What happens on client sessions, for the rest of the product (the Camel component {@code gateway:} implements it to
 * put these events on routes). Every Spring bean of this type is called, in no particular order, on the thread that
 * handled the client's message or the session's timeout: implementations return quickly and never block. An exception
 * thrown by one listener is logged and does not reach the client or the other listeners. All methods have empty
 * defaults so a listener implements only what it needs.
 */
public interface ClientSessionListener {

    /** A client started a new session (after authenticating). */
    default void sessionStarted(ClientSessionInfo session) {}

    /** A client reattached to its session with the resume token, within the detach timeout. */
    default void sessionResumed(ClientSessionInfo session) {}

    /** The session's WebSocket dropped; its calls stay up until the detach timeout. */
    default void sessionDetached(ClientSessionInfo session) {}

    /**
     * The session ended for good: {@code reason} is {@code ended-by-client}, {@code detach-timeout}, {@code shutdown},
     * or the reason given to {@link ClientSessions#end}. Its calls have ended before this is called.
     */
    default void sessionClosed(ClientSessionInfo session, String reason) {}

    /** The customer sent a chat message, about a call ({@code callId}) or the session as a whole. */
    default void chat(ClientSessionInfo session, String text, Optional<String> callId) {}

    /** The customer's page or app added or replaced context entries (page, device, form answers...). */
    default void contextUpdated(ClientSessionInfo session, Map<String, String> entries) {}

    /** The client reported the network quality of one of its calls. */
    default void qualityReported(ClientSessionInfo session, QualityReport report) {}

    /** The customer muted or unmuted microphone or camera on a call. */
    default void muteChanged(ClientSessionInfo session, String callId, boolean audioMuted, boolean videoMuted) {}

    /**
     * A network-quality report of one call, as the client measured it.
     *
     * @param callId the call
     * @param rttMs round-trip time in milliseconds
     * @param jitterMs inbound jitter in milliseconds
     * @param lossPercent inbound packet loss, 0 to 100
     * @param bitrateKbps current send bitrate in kbit/s, when the client knows it
     */
    record QualityReport(
            String callId, double rttMs, double jitterMs, double lossPercent, Optional<Double> bitrateKbps) {}
}
