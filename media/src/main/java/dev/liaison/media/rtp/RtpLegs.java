package dev.liaison.media.rtp;

import dev.liaison.media.leg.LegUnavailableException;
import dev.liaison.media.leg.RtpLegControl;
import dev.liaison.media.srtp.SdesCrypto;
import dev.liaison.media.srtp.SrtpMetrics;
import dev.liaison.media.srtp.SrtpProfile;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens and owns the SIP-side RTP legs: their port pairs come from an {@link RtpPortPool} over the configured range,
 * and ONE reader thread ({@code media-rtp-reader}, a {@link Selector} over every leg's RTP and RTCP socket) receives
 * for all of them and sends their periodic RTCP reports. Thread-safe.
 */
public final class RtpLegs implements AutoCloseable {
    /** The reader's thread name. */
    public static final String READER_THREAD = "media-rtp-reader";

    private static final Logger log = LoggerFactory.getLogger(RtpLegs.class);
    private static final long TICK_MILLIS = 100;
    private static final int READS_PER_WAKEUP = 32;
    private static final long TASK_TIMEOUT_SECONDS = 5;

    private final RtpSettings settings;
    private final Clock clock;
    private final RtpPortPool pool;
    private final RtpMetrics metrics;
    private final SrtpMetrics srtpMetrics;
    private final Map<String, RtpLeg> legs = new ConcurrentHashMap<>();
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Selector selector;
    private final Thread reader;
    private volatile boolean running = true;

    public RtpLegs(RtpSettings settings, MeterRegistry registry) {
        this(settings, registry, Clock.systemUTC());
    }

    /** With the clock that stamps arrivals, jitter and NTP times (tests move it). */
    public RtpLegs(RtpSettings settings, MeterRegistry registry, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.pool = new RtpPortPool(settings.bindAddress(), settings.portMin(), settings.portMax());
        this.metrics = new RtpMetrics(registry);
        this.srtpMetrics = new SrtpMetrics(registry);
        Gauge.builder("liaison.media.rtp.legs", legs, Map::size)
                .description("RTP legs open")
                .register(registry);
        Gauge.builder("liaison.media.rtp.ports.in-use", pool, RtpPortPool::inUse)
                .description("RTP/RTCP port pairs bound")
                .register(registry);
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the RTP selector", e);
        }
        reader = new Thread(this::readLoop, READER_THREAD);
        reader.setDaemon(true);
        reader.start();
    }

    public RtpSettings settings() {
        return settings;
    }

    /**
     * A new leg on a free port pair of the range; with {@code sdes} present an SDES-SRTP leg of that suite, whose
     * {@link RtpLegControl#localCrypto()} carries a fresh key. The returned object is an {@link RtpLeg}.
     *
     * @throws LegUnavailableException when {@link RtpSettings#maxLegs()} legs are open or the range is exhausted
     * @throws IllegalStateException after {@link #close()}
     */
    public RtpLegControl open(String bridgeId, Optional<SrtpProfile> sdes) {
        Optional<SdesCrypto> crypto = sdes.map(profile -> SdesCrypto.generate(1, profile));
        RtpLeg leg;
        synchronized (this) {
            if (!running) {
                throw new IllegalStateException("RTP legs are closed");
            }
            if (legs.size() >= settings.maxLegs()) {
                throw new LegUnavailableException("RTP legs at their maximum of " + settings.maxLegs());
            }
            RtpPortPool.PortPair ports = pool.allocate();
            String id = bridgeId + "/rtp-" + ports.rtpPort() + "-" + sequence.incrementAndGet();
            leg = new RtpLeg(
                    id,
                    ports,
                    new InetSocketAddress(settings.advertisedAddress(), ports.rtpPort()),
                    settings.latching(),
                    crypto,
                    metrics,
                    srtpMetrics,
                    clock,
                    this);
            legs.put(id, leg);
        }
        onReader(() -> register(leg));
        log.debug("RTP leg {} opened on port {}", leg.id(), leg.ports().rtpPort());
        return leg;
    }

    /** Legs open now. */
    public int openCount() {
        return legs.size();
    }

    /** Port pairs bound now (released only once a leg's sockets are really closed). */
    public int portsInUse() {
        return pool.inUse();
    }

    /** Whether the shared reader thread is still running. */
    public boolean readerAlive() {
        return reader.isAlive();
    }

    /** Closes every leg and stops the reader thread; idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
        }
        selector.wakeup();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(TASK_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (RtpLeg leg : List.copyOf(legs.values())) {
            leg.close();
        }
        try {
            selector.close();
        } catch (IOException e) {
            log.debug("closing the RTP selector: {}", e.toString());
        }
    }

    /** Called by {@link RtpLeg#close()}: deregisters and closes its sockets on the reader, then frees its ports. */
    void release(RtpLeg leg) {
        legs.remove(leg.id(), leg);
        if (Thread.currentThread() == reader || !reader.isAlive()) {
            closeSockets(leg);
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        onReader(() -> {
            closeSockets(leg);
            done.complete(null);
        });
        try {
            done.get(TASK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("RTP leg {}: reader did not release the sockets in time", leg.id());
        }
        if (!reader.isAlive()) {
            closeSockets(leg); // the reader stopped before running the task
        }
    }

    private synchronized void closeSockets(RtpLeg leg) {
        RtpPortPool.PortPair ports = leg.ports();
        if (!ports.rtp().isOpen() && !ports.rtcp().isOpen()) {
            return;
        }
        for (DatagramChannel channel : new DatagramChannel[] {ports.rtp(), ports.rtcp()}) {
            SelectionKey key = channel.keyFor(selector);
            if (key != null) {
                key.cancel();
            }
            try {
                channel.close();
            } catch (IOException e) {
                log.debug("closing RTP socket: {}", e.toString());
            }
        }
        try {
            // A registered channel's descriptor is released when the selector flushes its cancelled key.
            if (selector.isOpen()) {
                selector.selectNow();
            }
        } catch (IOException | ClosedSelectorException e) {
            log.debug("flushing the RTP selector: {}", e.toString());
        }
        pool.release(ports.rtpPort());
    }

    private void register(RtpLeg leg) {
        if (leg.isClosed()) {
            return;
        }
        try {
            leg.ports().rtp().register(selector, SelectionKey.OP_READ, new Endpoint(leg, false));
            leg.ports().rtcp().register(selector, SelectionKey.OP_READ, new Endpoint(leg, true));
        } catch (IOException e) {
            log.warn("RTP leg {} cannot be registered: {}", leg.id(), e.toString());
        }
    }

    private void onReader(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    private record Endpoint(RtpLeg leg, boolean rtcpPort) {}

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(RtpLeg.MAX_PACKET + 1);
        long nextTick = 0;
        while (running) {
            try {
                selector.select(TICK_MILLIS);
                runTasks();
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (!key.isValid() || !key.isReadable()) {
                        continue;
                    }
                    Endpoint endpoint = (Endpoint) key.attachment();
                    DatagramChannel channel = (DatagramChannel) key.channel();
                    for (int i = 0; i < READS_PER_WAKEUP && key.isValid(); i++) {
                        if (!endpoint.leg().receive(channel, endpoint.rtcpPort(), buffer)) {
                            break;
                        }
                    }
                }
                long now = RtpLeg.nanos(clock.instant());
                if (now >= nextTick) {
                    nextTick = now + TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);
                    for (RtpLeg leg : legs.values()) {
                        leg.tick(now);
                    }
                }
            } catch (ClosedSelectorException e) {
                return;
            } catch (IOException | RuntimeException e) {
                log.warn("RTP reader: {}", e.toString());
            }
        }
        runTasks();
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("RTP reader task failed: {}", e.toString());
            }
        }
    }
}
