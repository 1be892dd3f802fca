package dev.liaison.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.media.ice.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** RtpLegs on loopback with a random port range, raw peer sockets, and the no-leak check at the end. */
final class LegFixture implements AutoCloseable {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** Arrival, jitter and NTP times; periodic reports fire only when a test moves it. */
    final MutableClock clock = new MutableClock();

    final int portMin;
    final RtpLegs legs;
    private final List<DatagramSocket> sockets = new ArrayList<>();

    LegFixture(int pairs, int maxLegs, boolean latching) {
        this(LOOPBACK, pairs, maxLegs, latching);
    }

    LegFixture(InetAddress address, int pairs, int maxLegs, boolean latching) {
        portMin =
                2 * ThreadLocalRandom.current().nextInt(5_000, 16_000); // 10000-32000: below the Linux ephemeral range
        legs = new RtpLegs(
                new RtpSettings(address, address, portMin, portMin + 2 * pairs - 1, maxLegs, latching),
                registry,
                clock);
    }

    LegFixture() {
        this(10, 10, true);
    }

    DatagramSocket socket() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        socket.setSoTimeout(5000);
        sockets.add(socket);
        return socket;
    }

    static InetSocketAddress address(DatagramSocket socket) {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    static void send(DatagramSocket from, byte[] data, InetSocketAddress to) throws IOException {
        from.send(new DatagramPacket(data, data.length, to));
    }

    static byte[] receive(DatagramSocket socket) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        socket.receive(packet);
        return Arrays.copyOf(packet.getData(), packet.getLength());
    }

    /** Asserts nothing arrives within {@code millis} (for "sends nothing"; a deadline, not a sleep before a check). */
    static void assertSilent(DatagramSocket socket, int millis) throws IOException {
        int before = socket.getSoTimeout();
        socket.setSoTimeout(millis);
        try {
            byte[] got = receive(socket);
            throw new AssertionError("expected silence, got " + got.length + " bytes");
        } catch (SocketTimeoutException expected) {
            // nothing came
        } finally {
            socket.setSoTimeout(before);
        }
    }

    double counter(String name, String... tags) {
        return registry.counter(name, tags).count();
    }

    double dropped(String direction, RtpDrop reason) {
        return counter("liaison.media.rtp.dropped", "direction", direction, "reason", reason.tag());
    }

    static InetSocketAddress rtcpOf(InetSocketAddress rtp) {
        return new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1);
    }

    /** Closes everything and checks that no leg, port or reader thread is left. */
    @Override
    public void close() {
        sockets.forEach(DatagramSocket::close);
        legs.close();
        assertThat(legs.openCount()).isZero();
        assertThat(legs.portsInUse()).isZero();
        assertThat(legs.readerAlive()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals(RtpLegs.READER_THREAD) && t.isAlive()));
    }
}
