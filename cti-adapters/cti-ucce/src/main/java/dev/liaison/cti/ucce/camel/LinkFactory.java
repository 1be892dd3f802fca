package dev.liaison.cti.ucce.camel;

import dev.liaison.cti.api.screenpop.OverflowPolicy;
import dev.liaison.cti.api.screenpop.ScreenPopMapping;
import dev.liaison.cti.ucce.link.LinkSettings;
import dev.liaison.cti.ucce.session.SessionSettings;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns endpoint options into validated link and session settings; a bad option fails endpoint creation. */
final class LinkFactory {

    private LinkFactory() {}

    static LinkSettings linkSettings(UcceConfiguration c) {
        return new LinkSettings(
                c.getLink(),
                address("sideA", c.getSideA()),
                c.getSideB() == null || c.getSideB().isBlank() ? null : address("sideB", c.getSideB()),
                c.getProtocolVersion(),
                c.getPeripheralId(),
                c.getClientId(),
                c.getClientPassword(),
                c.getServices(),
                c.getRequiredServices(),
                c.getCallMsgMask(),
                c.getAgentStateMask(),
                Duration.ofMillis(c.getHeartbeatInterval()),
                Duration.ofMillis(c.getHeartbeatTimeout()),
                Duration.ofMillis(c.getRequestTimeout()),
                Duration.ofMillis(c.getConnectTimeout()),
                Duration.ofMillis(c.getOpenTimeout()),
                Duration.ofMillis(c.getReconnectInitialDelay()),
                Duration.ofMillis(c.getReconnectMaxDelay()),
                c.getMaxMessageBytes(),
                c.getMaxQueuedEvents());
    }

    static SessionSettings sessionSettings(UcceConfiguration c, Clock clock) {
        return new SessionSettings(
                c.getLink(),
                c.getPeripheralId(),
                screenPop(c.getScreenPop(), c.getOverflowPolicy()),
                c.getCorrelationKey(),
                c.getMaxTrackedCalls(),
                c.getMaxTrackedAgents(),
                agents(c.getAgents()),
                clock);
    }

    static InetSocketAddress address(String option, String hostPort) {
        if (hostPort == null || hostPort.isBlank()) {
            throw new IllegalArgumentException(option + " is required as host:port");
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException(option + " must be host:port, got " + hostPort);
        }
        try {
            int port = Integer.parseInt(hostPort.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(option + " port must be 1..65535, got " + port);
            }
            return InetSocketAddress.createUnresolved(hostPort.substring(0, colon), port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " port is not a number: " + hostPort);
        }
    }

    static ScreenPopMapping screenPop(String spec, String policy) {
        Map<String, String> rules = new LinkedHashMap<>();
        if (spec != null && !spec.isBlank()) {
            for (String pair : spec.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("screenPop entries are contextKey=field, got " + pair);
                }
                rules.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return ScreenPopMapping.of(rules, OverflowPolicy.valueOf(policy.toUpperCase(Locale.ROOT)));
    }

    static List<SessionSettings.WatchedAgent> agents(String spec) {
        List<SessionSettings.WatchedAgent> agents = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return agents;
        }
        for (String entry : spec.split(",")) {
            int at = entry.indexOf('@');
            if (at <= 0 || at == entry.length() - 1) {
                throw new IllegalArgumentException("agents entries are agentId@instrument, got " + entry);
            }
            agents.add(new SessionSettings.WatchedAgent(
                    entry.substring(0, at).strip(), entry.substring(at + 1).strip()));
        }
        return agents;
    }
}
