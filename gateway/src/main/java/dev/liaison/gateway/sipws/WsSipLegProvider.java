package dev.liaison.gateway.sipws;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.CallRequest;
import dev.liaison.gateway.call.LegKind;
import dev.liaison.gateway.call.LegProvider;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Legs towards users registered on {@code /ws/sip}: the target is {@code ws-sip:<user>} (or the bare user name); the
 * call goes to the user's most recently refreshed contact. The caller is shown as the request's {@code from}
 * attribute, else its destination.
 */
final class WsSipLegProvider implements LegProvider {

    private static final Logger log = LoggerFactory.getLogger(WsSipLegProvider.class);
    static final String PREFIX = "ws-sip:";

    private final Registrar registrar;
    private final ScheduledExecutorService timers;
    private final SipWsProperties properties;
    private final Consumer<WsSipLeg> onRetired;

    WsSipLegProvider(
            Registrar registrar,
            ScheduledExecutorService timers,
            SipWsProperties properties,
            Consumer<WsSipLeg> onRetired) {
        this.registrar = registrar;
        this.timers = timers;
        this.properties = properties;
        this.onRetired = onRetired;
    }

    @Override
    public LegKind kind() {
        return LegKind.SIP_WS;
    }

    @Override
    public Optional<CallLeg> createOutbound(String target, String callId, CallRequest request) {
        String user = target.startsWith(PREFIX) ? target.substring(PREFIX.length()) : target;
        Optional<Registrar.Binding> binding = registrar.lookup(user);
        if (binding.isEmpty()) {
            log.info("Call {}: {} is not registered on /ws/sip", callId, user);
            return Optional.empty();
        }
        String from = request.attributes().getOrDefault("from", request.destination());
        if (!from.matches("[A-Za-z0-9._~+-]{1,64}")) {
            from = "anonymous";
        }
        WsSipLeg leg = WsSipLeg.outbound(binding.get(), from, timers, properties, onRetired);
        binding.get().connection().addLeg(leg);
        return Optional.of(leg);
    }
}
