package dev.liaison.routes.support;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadLocalRandom;

/** Free UDP ports on loopback, for tests that must configure a port range before the application starts. */
public final class FreeUdpPorts {

    private FreeUdpPorts() {}

    /** An even port starting {@code count} consecutive free UDP ports on loopback, for the broker's SIP-side legs. */
    public static int evenRange(int count) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int start = 2 * ThreadLocalRandom.current().nextInt(10_000, 14_900);
            boolean free = true;
            for (int port = start; port < start + count && free; port++) {
                free = isFree(port);
            }
            if (free) {
                return start;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free UDP ports in 20000-29800");
    }

    /** Whether {@code port} can be bound on loopback right now. */
    public static boolean isFree(int port) {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            return probe.getLocalPort() == port;
        } catch (IOException taken) {
            return false;
        }
    }
}
