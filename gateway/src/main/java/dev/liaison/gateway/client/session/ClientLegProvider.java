package dev.liaison.gateway.client.session;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.CallRequest;
import dev.liaison.gateway.call.LegKind;
import dev.liaison.gateway.call.LegProvider;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates legs towards connected clients, for calls to a browser or app. The target is a client session id, or
 * {@code client:<subject>}: the live session of the token subject {@code <subject>} (the one started last when it has
 * several; see {@link ClientSessionRegistry#activeSessionOf}), so a static dial plan can reach a signed-in agent whose
 * session id is random. Only an {@link SessionState#ACTIVE} session can be called (a detached one may never come back);
 * none is a call that ends {@code not-found}. The browser sees the caller as the request's {@code from} attribute, else
 * its destination.
 */
public final class ClientLegProvider implements LegProvider {

    private static final Logger log = LoggerFactory.getLogger(ClientLegProvider.class);

    /** The {@link CallRequest#attributes()} key whose value the browser is shown as the caller. */
    public static final String FROM_ATTRIBUTE = "from";

    /** Targets {@code client:<subject>} are the live session of a token subject. */
    public static final String SUBJECT_PREFIX = "client:";

    private final ClientSessionRegistry registry;

    public ClientLegProvider(ClientSessionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public LegKind kind() {
        return LegKind.CLIENT;
    }

    @Override
    public Optional<CallLeg> createOutbound(String target, String callId, CallRequest request) {
        Optional<ClientSession> session = target.startsWith(SUBJECT_PREFIX)
                ? registry.activeSessionOf(target.substring(SUBJECT_PREFIX.length()))
                : registry.session(target).filter(s -> s.state() == SessionState.ACTIVE);
        if (session.isEmpty()) {
            log.info("Call {}: no active client session {}", callId, target);
            return Optional.empty();
        }
        String from = request.attributes().getOrDefault(FROM_ATTRIBUTE, request.destination());
        ClientLeg leg = registry.newLeg(session.get(), ClientLeg.Direction.INCOMING, request.mode(), from);
        leg.bindCallLayer(callId);
        return Optional.of(leg);
    }
}
