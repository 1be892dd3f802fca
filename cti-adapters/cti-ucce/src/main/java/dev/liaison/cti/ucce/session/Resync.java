package dev.liaison.cti.ucce.session;

import dev.liaison.cti.api.error.CtiException;
import dev.liaison.cti.api.error.CtiFailure;
import dev.liaison.cti.api.event.AgentStateChanged;
import dev.liaison.cti.api.event.CallCleared;
import dev.liaison.cti.api.event.CallDataUpdated;
import dev.liaison.cti.api.event.CallDelivered;
import dev.liaison.cti.api.event.CallEstablished;
import dev.liaison.cti.api.event.CallHeld;
import dev.liaison.cti.api.event.CallRetrieved;
import dev.liaison.cti.api.event.CtiEvent;
import dev.liaison.cti.api.identity.PeripheralCallId;
import dev.liaison.cti.ucce.link.UcceLink;
import dev.liaison.cti.ucce.protocol.AgentMessages.QueryAgentStateConf;
import dev.liaison.cti.ucce.protocol.AgentMessages.QueryAgentStateReq;
import dev.liaison.cti.ucce.protocol.CallRequestMessages.SnapshotCallConf;
import dev.liaison.cti.ucce.protocol.CallRequestMessages.SnapshotCallReq;
import dev.liaison.cti.ucce.protocol.CtiProtocolException;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a reconnect: asks the CTI Server for the state of every tracked agent (QUERY_AGENT_STATE_REQ) and every live
 * call (SNAPSHOT_CALL_REQ), and emits what was missed while the link was down: an agent state that differs, a call
 * that moved on (established, held, retrieved), call data that changed, a call that is gone (the snapshot is refused:
 * the call ended during the outage). What did not change emits nothing, so nothing is doubled; events that the server
 * sends again afterwards are suppressed by the trackers. Runs on the dispatcher thread before newer events.
 */
final class Resync {

    private static final Logger log = LoggerFactory.getLogger(Resync.class);

    private final UcceSession session;

    Resync(UcceSession session) {
        this.session = session;
    }

    void run() {
        UcceLink link = session.link();
        long peripheral = session.settings().peripheralId();
        try {
            for (Map.Entry<String, AgentTracker.Status> agent :
                    session.agents().all().entrySet()) {
                String agentId = agent.getKey();
                String instrument = agent.getValue().instrument();
                QueryAgentStateConf conf = QueryAgentStateConf.decode(UcceLink.await(
                        link.request(
                                "QUERY_AGENT_STATE_REQ",
                                id -> new QueryAgentStateReq(id, peripheral, instrument, agentId).encode()),
                        link.settings().requestTimeout().multipliedBy(2)));
                if (!session.agents().sameState(agentId, conf.agentState())) {
                    session.agents().update(agentId, new AgentTracker.Status(conf.agentState(), 0, instrument));
                    resynced(new AgentStateChanged(
                            session.settings().link(),
                            now(),
                            agentId,
                            instrument,
                            UcceAgentStates.normalize(conf.agentState()),
                            UcceAgentStates.vendorName(conf.agentState()),
                            null));
                }
            }
            for (TrackedCall call : session.calls().active()) {
                resyncCall(link, peripheral, call);
            }
        } catch (CtiException | CtiProtocolException e) {
            log.warn("UCCE link {}: resync stopped: {}", session.settings().link(), e.getMessage());
        }
    }

    private void resyncCall(UcceLink link, long peripheral, TrackedCall call)
            throws CtiException, CtiProtocolException {
        PeripheralCallId id = (PeripheralCallId) call.ref.callId();
        SnapshotCallConf conf;
        try {
            conf = SnapshotCallConf.decode(UcceLink.await(
                    link.request("SNAPSHOT_CALL_REQ", invoke -> new SnapshotCallReq(
                                    invoke, peripheral, id.connectionCallId(), call.deviceId)
                            .encode()),
                    link.settings().requestTimeout().multipliedBy(2)));
        } catch (CtiException e) {
            if (e.failure() != CtiFailure.REJECTED) {
                throw e;
            }
            if (session.calls().advance(call, CallPhase.CLEARED)) {
                resynced(new CallCleared(session.settings().link(), now(), call.ref, "ended while the link was down"));
                session.forget(call);
            }
            return;
        }
        Map<String, String> before = Map.copyOf(call.callData);
        call.callData.putAll(conf.data().byVendorName());
        if (!before.equals(Map.copyOf(call.callData))) {
            resynced(new CallDataUpdated(session.settings().link(), now(), call.ref, call.callData));
        }
        CallPhase now = CallPhase.fromLocalConnectionState(conf.localConnectionState());
        if (now == null || now == call.phase) {
            return;
        }
        CallPhase was = call.phase;
        if (!session.calls().advance(call, now)) {
            return;
        }
        String link0 = session.settings().link();
        resynced(
                switch (now) {
                    case ALERTING ->
                        new CallDelivered(
                                link0,
                                now(),
                                call.ref,
                                call.agentDevice,
                                session.agents().agentAt(call.agentDevice),
                                conf.data().ani(),
                                conf.data().dnis(),
                                call.callData);
                    case CONNECTED ->
                        was == CallPhase.HELD
                                ? new CallRetrieved(link0, now(), call.ref, call.agentDevice)
                                : new CallEstablished(link0, now(), call.ref, call.agentDevice);
                    case HELD -> new CallHeld(link0, now(), call.ref, call.agentDevice);
                    default -> throw new IllegalStateException("No snapshot maps to " + now);
                });
    }

    private void resynced(CtiEvent event) {
        session.metrics().resynced(event.type());
        session.emit(event);
    }

    private Instant now() {
        return session.settings().clock().instant();
    }
}
