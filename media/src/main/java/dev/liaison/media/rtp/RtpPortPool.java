package dev.liaison.media.rtp;

import dev.liaison.media.leg.LegUnavailableException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Even RTP ports with their RTCP port (+1) from a range on one address. {@link #allocate} binds both sockets, skips
 * pairs another process holds, and walks the range round-robin so a released pair is not reused at once (late
 * packets of the previous call do not reach the next one). Thread-safe.
 */
public final class RtpPortPool {
    private static final Logger log = LoggerFactory.getLogger(RtpPortPool.class);

    private final InetAddress bindAddress;
    private final int first;
    private final int pairs;
    private final Set<Integer> taken = new HashSet<>();
    private int cursor;

    public RtpPortPool(InetAddress bindAddress, int portMin, int portMax) {
        this.bindAddress = bindAddress;
        this.first = portMin % 2 == 0 ? portMin : portMin + 1;
        this.pairs = first + 1 > portMax ? 0 : (portMax - first + 1) / 2;
        if (pairs < 1) {
            throw new IllegalArgumentException("no RTP port pair in " + portMin + "-" + portMax);
        }
    }

    /** Two bound, non-blocking channels: RTP on an even port, RTCP on the next. */
    public record PortPair(int rtpPort, DatagramChannel rtp, DatagramChannel rtcp) {}

    /**
     * Binds the next free pair.
     *
     * @throws LegUnavailableException when every pair of the range is taken or held by another process
     */
    public synchronized PortPair allocate() {
        for (int tried = 0; tried < pairs; tried++) {
            int port = first + 2 * cursor;
            cursor = (cursor + 1) % pairs;
            if (taken.contains(port)) {
                continue;
            }
            DatagramChannel rtp = null;
            try {
                rtp = bind(port);
                DatagramChannel rtcp = bind(port + 1);
                taken.add(port);
                return new PortPair(port, rtp, rtcp);
            } catch (IOException e) {
                log.debug("RTP port pair {} not usable: {}", port, e.toString());
                closeQuietly(rtp);
            }
        }
        throw new LegUnavailableException("RTP port range " + first + "-" + (first + 2 * pairs - 1) + " on "
                + bindAddress.getHostAddress() + " exhausted (" + taken.size() + " pairs in use)");
    }

    /** The pair of {@code rtpPort} is free again; its channels must be closed already. */
    public synchronized void release(int rtpPort) {
        taken.remove(rtpPort);
    }

    /** Pairs allocated and not released. */
    public synchronized int inUse() {
        return taken.size();
    }

    public int capacity() {
        return pairs;
    }

    private DatagramChannel bind(int port) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.bind(new InetSocketAddress(bindAddress, port));
            channel.configureBlocking(false);
            return channel;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static void closeQuietly(DatagramChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to release beyond the descriptor
            }
        }
    }
}
