package dev.liaison.media.transport;

import dev.liaison.media.ice.IceLiteAgent;
import io.micrometer.core.instrument.Counter;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One WebRTC session on the muxed port: its ICE-lite agent, and either a {@link Handler} called on the mux reader
 * thread with every DTLS, RTP and RTCP datagram from its nominated address, or (without a handler) a bounded queue of
 * them. When the queue is full the newest datagram is dropped and counted (the reader never blocks).
 */
public final class MuxSession {

    /**
     * Takes a session's datagrams as they arrive, on the mux reader thread (no thread per session). Implementations
     * must not block: hand slow work (a DTLS handshake) to an executor.
     */
    public interface Handler {
        /** One DTLS, RTP or RTCP datagram from the session's bound address. */
        void datagram(Datagram datagram);

        /** An ICE check nominated {@code address}: media now comes from and goes to it. Before its answer is sent. */
        default void bound(InetSocketAddress address) {}

        /** The mux itself was closed under the session: nothing more will arrive or leave. */
        default void transportClosed() {}
    }

    private final String id;
    private final IceLiteAgent agent;
    private final BlockingQueue<Datagram> inbound;
    private final AtomicLong dropped = new AtomicLong();
    private final Counter droppedCounter;
    private final UdpMux mux;
    private final Handler handler;

    MuxSession(String id, IceLiteAgent agent, int queueCapacity, Counter droppedCounter, UdpMux mux, Handler handler) {
        this.id = id;
        this.agent = agent;
        this.handler = handler;
        this.inbound = new ArrayBlockingQueue<>(handler == null ? queueCapacity : 1);
        this.droppedCounter = droppedCounter;
        this.mux = mux;
    }

    public String id() {
        return id;
    }

    public IceLiteAgent agent() {
        return agent;
    }

    /** The address media comes from and goes to, once ICE nominated it. */
    public Optional<InetSocketAddress> remoteAddress() {
        return agent.nominatedAddress();
    }

    /** The next DTLS/RTP/RTCP datagram, waiting up to {@code timeout}; null if none came (always, with a handler). */
    public Datagram poll(long timeout, TimeUnit unit) throws InterruptedException {
        return inbound.poll(timeout, unit);
    }

    /** Datagrams dropped because this session's queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Sends {@code data} from the muxed port to the nominated address; false when there is none yet. */
    public boolean send(byte[] data) {
        return send(data, 0, data.length);
    }

    /** Sends {@code length} bytes of {@code data} from {@code offset}, as {@link #send(byte[])}. */
    public boolean send(byte[] data, int offset, int length) {
        Optional<InetSocketAddress> to = remoteAddress();
        if (to.isEmpty()) {
            return false;
        }
        mux.send(data, offset, length, to.get());
        return true;
    }

    /** Ends the session: the mux forgets its ufrag and address. Idempotent. */
    public void close() {
        mux.close(this);
    }

    void offer(Datagram datagram) {
        if (handler != null) {
            handler.datagram(datagram);
            return;
        }
        if (!inbound.offer(datagram)) {
            dropped.incrementAndGet();
            droppedCounter.increment();
        }
    }

    void transportClosed() {
        if (handler != null) {
            handler.transportClosed();
        }
    }

    void bound(InetSocketAddress address) {
        if (handler != null) {
            handler.bound(address);
        }
    }
}
