package dev.liaison.gateway.sipws;

import dev.liaison.gateway.client.FrameAssembler;
import dev.liaison.gateway.client.OutboundQueue;
import dev.liaison.gateway.client.RateLimiter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.web.socket.CloseStatus;

/**
 * One WebSocket on {@code /ws/sip}: its write queue and limits, the user it authenticated as, and its calls by
 * Call-ID. A connection is the transport of its registrations and calls: when it closes they end with it.
 */
final class SipWsConnection {

    /** The connection's life. */
    enum State {
        OPEN,
        CLOSED
    }

    private final String id;
    private final String remoteHost;
    private final int remotePort;
    private final String localHostPort;
    private final boolean secure;
    private final OutboundQueue outbound;
    private final RateLimiter rateLimiter;
    private final FrameAssembler assembler;
    private final SipWsMetrics metrics;
    private final ConcurrentMap<String, WsSipLeg> legs = new ConcurrentHashMap<>();
    private volatile String user;
    private volatile State state = State.OPEN;

    SipWsConnection(
            String id,
            String remoteHost,
            int remotePort,
            String localHostPort,
            boolean secure,
            OutboundQueue outbound,
            RateLimiter rateLimiter,
            FrameAssembler assembler,
            SipWsMetrics metrics) {
        this.id = id;
        this.remoteHost = remoteHost;
        this.remotePort = remotePort;
        this.localHostPort = localHostPort;
        this.secure = secure;
        this.outbound = outbound;
        this.rateLimiter = rateLimiter;
        this.assembler = assembler;
        this.metrics = metrics;
    }

    String id() {
        return id;
    }

    String remoteHost() {
        return remoteHost;
    }

    int remotePort() {
        return remotePort;
    }

    /** {@code WS} or {@code WSS}, for Via headers. */
    String viaTransport() {
        return secure ? "WSS" : "WS";
    }

    /** Our Contact on this connection (RFC 7118: {@code transport=ws}). */
    String contact() {
        return "<sip:liaison@" + localHostPort + ";transport=ws>";
    }

    String viaSentBy() {
        return localHostPort;
    }

    State state() {
        return state;
    }

    /** The user this connection proved to be (by a REGISTER or an INVITE with digest credentials). */
    Optional<String> user() {
        return Optional.ofNullable(user);
    }

    void authenticated(String username) {
        this.user = username;
    }

    Optional<String> assemble(String part, boolean last) {
        return assembler.append(part, last);
    }

    boolean admit() {
        return rateLimiter.tryAcquire();
    }

    /** Queue a SIP message (request or response); false when the connection is closed or too slow. */
    boolean send(String message) {
        boolean queued = state == State.OPEN && outbound.offer(message);
        if (queued) {
            metrics.sent(message);
        }
        return queued;
    }

    void close(CloseStatus status) {
        outbound.closeAfterFlush(status);
    }

    void addLeg(WsSipLeg leg) {
        legs.put(leg.sipCallId(), leg);
    }

    Optional<WsSipLeg> leg(String callId) {
        return Optional.ofNullable(legs.get(callId));
    }

    void removeLeg(WsSipLeg leg) {
        legs.remove(leg.sipCallId(), leg);
    }

    int legCount() {
        return legs.size();
    }

    /** The socket closed: no more writes; the calls still on it are returned to be ended. */
    Collection<WsSipLeg> closed() {
        state = State.CLOSED;
        outbound.closed();
        List<WsSipLeg> left = List.copyOf(legs.values());
        legs.clear();
        return left;
    }
}
