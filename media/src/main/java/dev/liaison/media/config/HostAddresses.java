package dev.liaison.media.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The addresses the broker advertises when configured with none: the bind address, or, when that is the wildcard, the
 * host's first non-loopback IPv4 address (interfaces that are up, in the order the system lists them); loopback when
 * the host has nothing else.
 */
final class HostAddresses {

    private HostAddresses() {}

    /** The host's first non-loopback IPv4 address that is up, if any. */
    static Optional<InetAddress> firstNonLoopbackIpv4() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return Optional.of(address);
                    }
                }
            }
        } catch (SocketException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** {@code bound} itself, or for a wildcard bind the host's address from {@code host} (loopback without one). */
    static InetAddress advertised(InetAddress bound, Supplier<Optional<InetAddress>> host) {
        if (!bound.isAnyLocalAddress()) {
            return bound;
        }
        return host.get().orElse(InetAddress.getLoopbackAddress());
    }
}
