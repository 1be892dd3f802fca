package dev.liaison.routes.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UDP relay in front of SIPp's RTP echo port, so the test sees the SIP side's media first hand: the phone's SDP names
 * the tap's port; the tap forwards what the broker sends to SIPp and what SIPp sends back to the broker (to the address
 * the broker last sent from), counting the packets and the RTP payload types each way. A packet coming back from SIPp
 * is proof that SIPp received it (SIPp's {@code -rtp_echo} only returns what it got). The first RTP packets each way are
 * kept (header and payload) for tests that read them. One daemon thread; packets over 2048 bytes are cut and counted as
 * such.
 */
final class RtpTap implements AutoCloseable {

    private static final int MAX_PACKET = 2048;

    private final DatagramSocket socket;
    private final InetSocketAddress phone;
    private final Thread relay;
    private final Direction towardsPhone = new Direction();
    private final Direction fromPhone = new Direction();
    private final AtomicLong oversized = new AtomicLong();
    private volatile InetSocketAddress broker;
    private volatile boolean closed;

    /** The header fields and payload of one RTP packet the tap relayed. */
    record Packet(int payloadType, boolean marker, int sequence, long timestamp, long ssrc, byte[] payload) {}

    /** The packets and RTP payload types seen one way. */
    static final class Direction {
        /** Packets kept for {@link #packets()}: a browser call of a minute at 50 packets a second, and more. */
        static final int MAX_KEPT = 10_000;

        private final AtomicLong packets = new AtomicLong();
        private final Map<Integer, AtomicLong> payloadTypes = new ConcurrentHashMap<>();
        private final List<Packet> kept = new CopyOnWriteArrayList<>();

        /** Packets relayed this way. */
        long packets() {
            return packets.get();
        }

        /** RTP payload types relayed this way (RTCP and non-RTP packets are not counted here), with their counts. */
        Map<Integer, Long> payloadTypes() {
            Map<Integer, Long> copy = new TreeMap<>();
            payloadTypes.forEach((type, count) -> copy.put(type, count.get()));
            return copy;
        }

        /** The first {@link #MAX_KEPT} RTP packets relayed this way, in order. */
        List<Packet> rtpPackets() {
            return List.copyOf(kept);
        }

        /** The RTP payload types relayed this way. */
        Set<Integer> payloadTypeSet() {
            return payloadTypes().keySet();
        }

        private void count(byte[] data, int length) {
            packets.incrementAndGet();
            // RTP version 2 (first byte 128-191); RTCP packet types 192-223 (RFC 5761) are left out.
            if (length >= 12 && (data[0] & 0xC0) == 0x80) {
                int secondByte = data[1] & 0xFF;
                if (secondByte < 192 || secondByte > 223) {
                    payloadTypes
                            .computeIfAbsent(secondByte & 0x7F, t -> new AtomicLong())
                            .incrementAndGet();
                    keep(data, length);
                }
            }
        }

        /** Keeps the fixed header and the payload (CSRCs and an extension skipped, padding left in). */
        private void keep(byte[] data, int length) {
            if (kept.size() >= MAX_KEPT) {
                return;
            }
            int offset = 12 + 4 * (data[0] & 0x0F);
            if ((data[0] & 0x10) != 0 && offset + 4 <= length) {
                offset += 4 + 4 * (((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF));
            }
            if (offset > length) {
                return;
            }
            kept.add(new Packet(
                    data[1] & 0x7F,
                    (data[1] & 0x80) != 0,
                    ((data[2] & 0xFF) << 8) | (data[3] & 0xFF),
                    u32(data, 4),
                    u32(data, 8),
                    Arrays.copyOfRange(data, offset, length)));
        }

        private static long u32(byte[] data, int at) {
            return ((long) (data[at] & 0xFF) << 24)
                    | ((data[at + 1] & 0xFF) << 16)
                    | ((data[at + 2] & 0xFF) << 8)
                    | (data[at + 3] & 0xFF);
        }

        @Override
        public String toString() {
            return packets() + " packets, payload types " + payloadTypes();
        }
    }

    private RtpTap(int phonePort) throws SocketException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        phone = new InetSocketAddress(loopback, phonePort);
        socket = new DatagramSocket(new InetSocketAddress(loopback, 0));
        socket.setSoTimeout(200);
        relay = new Thread(this::relay, "rtp-tap-" + socket.getLocalPort());
        relay.setDaemon(true);
        relay.start();
    }

    /** A tap on a free loopback port relaying to SIPp's echo port {@code phonePort} on 127.0.0.1. */
    static RtpTap inFrontOf(int phonePort) {
        try {
            return new RtpTap(phonePort);
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port to put in the phone's SDP. */
    int port() {
        return socket.getLocalPort();
    }

    /** What the broker sent to the phone. */
    Direction towardsPhone() {
        return towardsPhone;
    }

    /** What the phone (SIPp, echoing) sent back to the broker: packets SIPp received and returned. */
    Direction fromPhone() {
        return fromPhone;
    }

    /**
     * Sends a packet to the broker as if the phone had sent it, from the tap's port (the address in the phone's SDP),
     * to the address the broker last sent from. Not counted in {@link #fromPhone()}.
     *
     * @throws IllegalStateException before the broker sent anything (its address is not known yet)
     */
    void sendTowardsBroker(byte[] packet) throws IOException {
        InetSocketAddress to = broker;
        if (to == null) {
            throw new IllegalStateException("the broker has sent nothing to the tap yet");
        }
        socket.send(new DatagramPacket(packet, packet.length, to));
    }

    @Override
    public String toString() {
        return "RTP tap on " + port() + ": towards the phone " + towardsPhone + "; from the phone " + fromPhone
                + (oversized.get() > 0 ? "; " + oversized.get() + " oversized" : "");
    }

    private void relay() {
        byte[] buffer = new byte[MAX_PACKET];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException idle) {
                continue;
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            if (packet.getLength() == MAX_PACKET) {
                oversized.incrementAndGet();
            }
            InetSocketAddress from = (InetSocketAddress) packet.getSocketAddress();
            InetSocketAddress to;
            if (from.equals(phone)) {
                fromPhone.count(buffer, packet.getLength());
                to = broker;
            } else {
                broker = from;
                towardsPhone.count(buffer, packet.getLength());
                to = phone;
            }
            if (to == null) {
                continue;
            }
            try {
                socket.send(new DatagramPacket(buffer, packet.getLength(), to));
            } catch (IOException e) {
                // The receiver is gone (ICMP port unreachable): the next packet tries again.
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        socket.close();
        relay.join(5_000);
    }

    /** Whether the tap's socket is closed and its thread ended. */
    boolean closed() {
        return socket.isClosed() && !relay.isAlive();
    }
}
