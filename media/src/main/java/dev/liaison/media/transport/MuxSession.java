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
 * One WebRTC session on the muxed port: its ICE-lite agent and a bounded queue of DTLS, RTP and RTCP datagrams from
 * its nominated address. When the queue is full the newest datagram is dropped and counted (the reader never
 * blocks).
 */
public final class MuxSession {

    private final String id;
    private final IceLiteAgent agent;
    private final BlockingQueue<Datagram> inbound;
    private final AtomicLong dropped = new AtomicLong();
    private final Counter droppedCounter;
    private final UdpMux mux;

    MuxSession(String id, IceLiteAgent agent, int queueCapacity, Counter droppedCounter, UdpMux mux) {
        this.id = id;
        this.agent = agent;
        this.inbound = new ArrayBlockingQueue<>(queueCapacity);
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

    /** The next DTLS/RTP/RTCP datagram, waiting up to {@code timeout}; null if none came. */
    public Datagram poll(long timeout, TimeUnit unit) throws InterruptedException {
        return inbound.poll(timeout, unit);
    }

    /** Datagrams dropped because this session's queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Sends {@code data} from the muxed port to the nominated address; false when there is none yet. */
    public boolean send(byte[] data) {
        Optional<InetSocketAddress> to = remoteAddress();
        if (to.isEmpty()) {
            return false;
        }
        mux.send(data, to.get());
        return true;
    }

    /** Ends the session: the mux forgets its ufrag and address. Idempotent. */
    public void close() {
        mux.close(this);
    }

    void offer(Datagram datagram) {
        if (!inbound.offer(datagram)) {
            dropped.incrementAndGet();
            droppedCounter.increment();
        }
    }
}
