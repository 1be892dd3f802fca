package dev.liaison.media.transport;

import dev.liaison.media.ice.CheckResult;
import dev.liaison.media.ice.IceCredentials;
import dev.liaison.media.ice.IceLiteAgent;
import dev.liaison.media.stun.StunDecodeException;
import dev.liaison.media.stun.StunDecoder;
import dev.liaison.media.stun.StunMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The muxed UDP port. One thread reads; each datagram is classified ({@link PacketClass}); a STUN binding request goes
 * to the session of its USERNAME's local ufrag (its answer is sent at once), other datagrams go to the session bound
 * to their source address. Unknown ufrags and addresses are counted and dropped.
 */
public final class UdpMux implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UdpMux.class);
    private static final int MAX_DATAGRAM = 65_535;

    private final MuxSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, MuxSession> byUfrag = new ConcurrentHashMap<>();
    private final Map<InetSocketAddress, MuxSession> byAddress = new ConcurrentHashMap<>();
    private final Map<PacketClass, Counter> received = new EnumMap<>(PacketClass.class);
    private final MeterRegistry registry;
    private final Counter unknownAddress;
    private final Counter unknownUfrag;
    private final Counter malformed;
    private final Counter queueFull;
    private final Counter handlerFailed;
    private final DatagramChannel channel;
    private final Thread reader;

    public UdpMux(MuxSettings settings, Clock clock, MeterRegistry registry) {
        this.settings = settings;
        this.clock = clock;
        this.registry = registry;
        for (PacketClass c : PacketClass.values()) {
            received.put(
                    c,
                    registry.counter(
                            "liaison.media.mux.received", "class", c.name().toLowerCase()));
        }
        unknownAddress = dropCounter("unknown-address");
        unknownUfrag = dropCounter("unknown-ufrag");
        malformed = dropCounter("malformed");
        queueFull = dropCounter("queue-full");
        handlerFailed = dropCounter("handler-failed");
        registry.gaugeMapSize("liaison.media.mux.sessions", List.of(), byUfrag);
        try {
            channel = DatagramChannel.open();
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 * 1024 * 1024);
            channel.bind(settings.bind());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the media port " + settings.bind(), e);
        }
        reader = new Thread(this::readLoop, "media-mux-" + localAddress().getPort());
        reader.setDaemon(true);
        reader.start();
    }

    /** The bound address (the port is the real one when 0 was asked). */
    public InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new session with fresh local ICE credentials; {@code remoteUfrag} may be null until the peer's SDP is known. */
    public MuxSession createSession(String remoteUfrag) {
        return createSession(IceCredentials.random(random), remoteUfrag);
    }

    public MuxSession createSession(IceCredentials local, String remoteUfrag) {
        return createSession(local, remoteUfrag, null);
    }

    /**
     * A new session whose datagrams go to {@code handler} on the reader thread instead of a queue ({@code null}: the
     * queue).
     *
     * @throws IllegalStateException when the port already carries {@link MuxSettings#maxSessions()} sessions
     */
    public MuxSession createSession(IceCredentials local, String remoteUfrag, MuxSession.Handler handler) {
        if (byUfrag.size() >= settings.maxSessions()) {
            throw new IllegalStateException("the media port already carries " + settings.maxSessions() + " sessions");
        }
        IceLiteAgent agent = new IceLiteAgent(local, remoteUfrag, clock, settings.consentTimeout());
        MuxSession session = new MuxSession(
                UUID.randomUUID().toString(), agent, settings.sessionQueueCapacity(), queueFull, this, handler);
        if (byUfrag.putIfAbsent(local.ufrag(), session) != null) {
            throw new IllegalArgumentException("ice-ufrag already in use");
        }
        return session;
    }

    public int sessionCount() {
        return byUfrag.size();
    }

    /** The session bound to {@code address}, if any. */
    public Optional<MuxSession> sessionAt(InetSocketAddress address) {
        return Optional.ofNullable(byAddress.get(address));
    }

    /** Closes and returns the sessions whose consent expired; the owner ends their calls. */
    public List<MuxSession> sweepExpiredConsent() {
        List<MuxSession> expired = new ArrayList<>();
        for (MuxSession session : byUfrag.values()) {
            if (session.agent().expireConsent()) {
                expired.add(session);
                close(session);
            }
        }
        return expired;
    }

    void send(byte[] data, InetSocketAddress to) {
        send(data, 0, data.length, to);
    }

    void send(byte[] data, int offset, int length, InetSocketAddress to) {
        try {
            channel.send(ByteBuffer.wrap(data, offset, length), to);
        } catch (IOException e) {
            log.debug("send to {} failed: {}", to, e.toString());
        }
    }

    void close(MuxSession session) {
        session.agent().close();
        byUfrag.remove(session.agent().localCredentials().ufrag(), session);
        byAddress.values().removeIf(s -> s == session);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("closing the media port: {}", e.toString());
        }
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (MuxSession session : List.copyOf(byUfrag.values())) {
            close(session);
            session.transportClosed();
        }
    }

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
        while (channel.isOpen()) {
            try {
                buffer.clear();
                InetSocketAddress source = (InetSocketAddress) channel.receive(buffer);
                if (source != null) {
                    dispatch(Arrays.copyOf(buffer.array(), buffer.position()), source);
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                log.warn("media port read failed: {}", e.toString());
            }
        }
    }

    void dispatch(byte[] data, InetSocketAddress source) {
        PacketClass packetClass = PacketClass.of(data, data.length);
        received.get(packetClass).increment();
        if (packetClass == PacketClass.STUN) {
            handleStun(data, source);
            return;
        }
        MuxSession session = byAddress.get(source);
        if (session == null || packetClass == PacketClass.UNKNOWN) {
            unknownAddress.increment();
            return;
        }
        try {
            session.offer(new Datagram(packetClass, data, source));
        } catch (RuntimeException e) {
            // A session's handler failing must not stop the reader for every other session.
            handlerFailed.increment();
            log.warn("media session {} failed on a {} datagram: {}", session.id(), packetClass, e.toString());
        }
    }

    private void handleStun(byte[] data, InetSocketAddress source) {
        StunMessage message;
        try {
            message = StunDecoder.decode(data);
        } catch (StunDecodeException e) {
            malformed.increment();
            return;
        }
        Optional<String> username = message.username();
        if (username.isEmpty()) {
            // A request without USERNAME can only be answered with 400 by its session: find it by address.
            MuxSession bound = byAddress.get(source);
            if (bound == null) {
                unknownUfrag.increment();
                return;
            }
            respond(bound, message, source);
            return;
        }
        String name = username.get();
        int colon = name.indexOf(':');
        MuxSession session = byUfrag.get(colon < 0 ? name : name.substring(0, colon));
        if (session == null) {
            unknownUfrag.increment();
            return;
        }
        respond(session, message, source);
    }

    private void respond(MuxSession session, StunMessage message, InetSocketAddress source) {
        Optional<InetSocketAddress> before = session.remoteAddress();
        CheckResult result = session.agent().handle(message, source);
        registry.counter(
                        "liaison.media.ice.checks",
                        "outcome",
                        result.outcome().name().toLowerCase())
                .increment();
        // The address is bound before the answer goes out, so media the peer sends right after it is never dropped.
        Optional<InetSocketAddress> after = session.remoteAddress();
        if (after.isPresent() && !after.equals(before)) {
            before.ifPresent(old -> byAddress.remove(old, session));
            byAddress.put(after.get(), session);
            log.info("media session {} bound to {}", session.id(), after.get());
            session.bound(after.get());
        }
        result.response().ifPresent(bytes -> send(bytes, source));
    }

    private Counter dropCounter(String reason) {
        return registry.counter("liaison.media.mux.dropped", "reason", reason);
    }
}
