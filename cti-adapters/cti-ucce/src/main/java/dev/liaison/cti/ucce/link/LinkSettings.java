package dev.liaison.cti.ucce.link;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything one link needs, validated: the two sides, the OPEN_REQ contents, timers and limits. Built by the Camel
 * endpoint from its options.
 */
public record LinkSettings(
        String name,
        InetSocketAddress sideA,
        InetSocketAddress sideB,
        long protocolVersion,
        long peripheralId,
        String clientId,
        String clientPassword,
        long services,
        long requiredServices,
        long callMsgMask,
        long agentStateMask,
        Duration heartbeatInterval,
        Duration heartbeatTimeout,
        Duration requestTimeout,
        Duration connectTimeout,
        Duration openTimeout,
        Duration reconnectInitialDelay,
        Duration reconnectMaxDelay,
        int maxMessageBytes,
        int maxQueuedEvents) {

    public LinkSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sideA, "sideA");
        Objects.requireNonNull(clientId, "clientId");
        clientPassword = clientPassword == null ? "" : clientPassword;
        positive(heartbeatInterval, "heartbeatInterval");
        positive(heartbeatTimeout, "heartbeatTimeout");
        positive(requestTimeout, "requestTimeout");
        positive(connectTimeout, "connectTimeout");
        positive(openTimeout, "openTimeout");
        positive(reconnectInitialDelay, "reconnectInitialDelay");
        positive(reconnectMaxDelay, "reconnectMaxDelay");
        if (reconnectMaxDelay.compareTo(reconnectInitialDelay) < 0) {
            throw new IllegalArgumentException("reconnectMaxDelay must not be below reconnectInitialDelay");
        }
        if (maxMessageBytes < 256 || maxMessageBytes > 1 << 20) {
            throw new IllegalArgumentException("maxMessageBytes must be 256..1048576");
        }
        if (maxQueuedEvents < 1) {
            throw new IllegalArgumentException("maxQueuedEvents must be at least 1");
        }
        if ((services & requiredServices) != requiredServices) {
            throw new IllegalArgumentException("requiredServices must be a subset of services");
        }
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    public InetSocketAddress address(Side side) {
        return side == Side.A ? sideA : sideB;
    }

    public boolean duplexed() {
        return sideB != null;
    }

    /** The IdleTimeout sent in OPEN_REQ: four heartbeat intervals, as the guide suggests, at least one second. */
    public long idleTimeoutSeconds() {
        return Math.max(1, heartbeatInterval.multipliedBy(4).toSeconds());
    }
}
