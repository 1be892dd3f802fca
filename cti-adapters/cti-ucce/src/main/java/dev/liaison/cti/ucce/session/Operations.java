package dev.liaison.cti.ucce.session;

import dev.liaison.cti.api.error.CtiException;
import dev.liaison.cti.api.error.CtiFailure;
import dev.liaison.cti.api.event.CallRef;
import dev.liaison.cti.api.identity.PeripheralCallId;
import dev.liaison.cti.api.operation.CtiOperation;
import dev.liaison.cti.api.screenpop.ScreenPop;
import dev.liaison.cti.api.screenpop.ScreenPopField;
import dev.liaison.cti.ucce.link.UcceLink;
import dev.liaison.cti.ucce.protocol.AgentMessages;
import dev.liaison.cti.ucce.protocol.AgentMessages.SetAgentStateReq;
import dev.liaison.cti.ucce.protocol.CallData;
import dev.liaison.cti.ucce.protocol.CallRequestMessages.ConnectionReq;
import dev.liaison.cti.ucce.protocol.CallRequestMessages.MakeCallConf;
import dev.liaison.cti.ucce.protocol.CallRequestMessages.MakeCallReq;
import dev.liaison.cti.ucce.protocol.CallRequestMessages.SetCallDataReq;
import dev.liaison.cti.ucce.protocol.CtiProtocolException;
import dev.liaison.cti.ucce.protocol.MessageType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link CtiOperation}s on the CTI Server. SetCallData -> SET_CALL_DATA_REQ (context mapped through the screen-pop
 * mapping within {@link UcceScreenPopLimits}; returns the {@link ScreenPop} with what was set and what did not fit);
 * SetAgentState, AgentLogin, AgentLogout -> SET_AGENT_STATE_REQ (returns null); MakeCall -> MAKE_CALL_REQ (returns the
 * new call's {@link CallRef}); AnswerCall, ReleaseCall, HoldCall, RetrieveCall -> ANSWER_CALL_REQ, CLEAR_CONNECTION_REQ,
 * HOLD_CALL_REQ, RETRIEVE_CALL_REQ on the tracked call (returns null; the resulting call events follow). Transfer,
 * tasks and callbacks are not implemented by this adapter yet and fail with {@link CtiFailure#UNSUPPORTED}.
 */
final class Operations {

    private final UcceSession session;

    Operations(UcceSession session) {
        this.session = session;
    }

    Object execute(CtiOperation op) throws CtiException {
        try {
            if (op instanceof CtiOperation.SetCallData s) {
                return setCallData(s.call(), s.context());
            }
            if (op instanceof CtiOperation.SetAgentState s) {
                agentState(s.agentId(), s.instrument(), UcceAgentStates.toUcce(s.state()), s.reasonCode(), null);
                return null;
            }
            if (op instanceof CtiOperation.AgentLogin l) {
                agentState(l.agentId(), l.instrument(), AgentMessages.LOGIN, null, l.password());
                return null;
            }
            if (op instanceof CtiOperation.AgentLogout l) {
                agentState(l.agentId(), l.instrument(), AgentMessages.LOGOUT, l.reasonCode(), null);
                return null;
            }
            if (op instanceof CtiOperation.MakeCall m) {
                return makeCall(m);
            }
            if (op instanceof CtiOperation.AnswerCall a) {
                connection(MessageType.ANSWER_CALL_REQ, a.call(), a.device());
                return null;
            }
            if (op instanceof CtiOperation.ReleaseCall r) {
                connection(MessageType.CLEAR_CONNECTION_REQ, r.call(), r.device());
                return null;
            }
            if (op instanceof CtiOperation.HoldCall h) {
                connection(MessageType.HOLD_CALL_REQ, h.call(), h.device());
                return null;
            }
            if (op instanceof CtiOperation.RetrieveCall r) {
                connection(MessageType.RETRIEVE_CALL_REQ, r.call(), r.device());
                return null;
            }
        } catch (CtiProtocolException e) {
            session.link().reset(e.getMessage());
            throw new CtiException(CtiFailure.LINK_DOWN, "Malformed confirmation: " + e.getMessage(), null, e);
        }
        throw new CtiException(CtiFailure.UNSUPPORTED, op.name() + " is not supported by the ucce adapter yet");
    }

    private ScreenPop setCallData(CallRef ref, Map<String, String> context) throws CtiException {
        if (!(ref.callId() instanceof PeripheralCallId id)) {
            throw new CtiException(
                    CtiFailure.INVALID, "Not a UCCE call: " + ref.callId().text());
        }
        TrackedCall call = session.calls().get(id);
        if (call == null || call.deviceId == null) {
            throw new CtiException(CtiFailure.INVALID, "Call " + id.text() + " is not known on this link");
        }
        ScreenPop pop = session.screenPop().apply(context, UcceScreenPopLimits.INSTANCE);
        CallData data = toCallData(pop);
        UcceLink link = session.link();
        UcceLink.await(
                link.request("SET_CALL_DATA_REQ", invoke -> new SetCallDataReq(
                                invoke, id.peripheralId(), id.connectionCallId(), call.deviceId, data)
                        .encode()),
                link.settings().requestTimeout().multipliedBy(2));
        return pop;
    }

    /** ANSWER_CALL / CLEAR_CONNECTION / HOLD_CALL / RETRIEVE_CALL for the tracked call at the agent's device. */
    private void connection(int type, CallRef ref, String instrument) throws CtiException {
        if (!(ref.callId() instanceof PeripheralCallId id)) {
            throw new CtiException(
                    CtiFailure.INVALID, "Not a UCCE call: " + ref.callId().text());
        }
        TrackedCall call = session.calls().get(id);
        if (call == null || call.deviceId == null) {
            throw new CtiException(CtiFailure.INVALID, "Call " + id.text() + " is not known on this link");
        }
        UcceLink link = session.link();
        UcceLink.await(
                link.request(MessageType.name(type), invoke -> new ConnectionReq(
                                type, invoke, id.peripheralId(), id.connectionCallId(), call.deviceId, instrument)
                        .encode()),
                link.settings().requestTimeout().multipliedBy(2));
    }

    private void agentState(String agentId, String instrument, int state, Integer reason, String password)
            throws CtiException {
        UcceLink link = session.link();
        long peripheral = session.settings().peripheralId();
        UcceLink.await(
                link.request("SET_AGENT_STATE_REQ", invoke -> new SetAgentStateReq(
                                invoke, peripheral, state, reason == null ? 0 : reason, instrument, agentId, password)
                        .encode()),
                link.settings().requestTimeout().multipliedBy(2));
    }

    private CallRef makeCall(CtiOperation.MakeCall m) throws CtiException, CtiProtocolException {
        ScreenPop pop = session.screenPop().apply(m.context(), UcceScreenPopLimits.INSTANCE);
        CallData data = toCallData(pop);
        UcceLink link = session.link();
        long peripheral = session.settings().peripheralId();
        MakeCallConf conf = MakeCallConf.decode(UcceLink.await(
                link.request(
                        "MAKE_CALL_REQ",
                        invoke -> new MakeCallReq(invoke, peripheral, m.instrument(), m.dialedNumber(), data).encode()),
                link.settings().requestTimeout().multipliedBy(2)));
        PeripheralCallId id = new PeripheralCallId(peripheral, conf.newCallId());
        TrackedCall call = session.calls().track(id);
        if (call != null) {
            call.deviceId = conf.newDeviceId();
            call.agentDevice = m.instrument();
            return call.ref;
        }
        return CallRef.of(id);
    }

    static CallData toCallData(ScreenPop pop) {
        Map<Integer, String> vars = new LinkedHashMap<>();
        Map<String, String> named = new LinkedHashMap<>();
        Map<String, String> arrays = new LinkedHashMap<>();
        pop.values().forEach((field, value) -> {
            if (field instanceof ScreenPopField.CallVariable cv) {
                vars.put(cv.index(), value);
            } else if (field instanceof ScreenPopField.NamedVariable nv) {
                named.put(nv.name(), value);
            } else if (field instanceof ScreenPopField.NamedArray na) {
                arrays.put(na.vendorName(), value);
            }
        });
        return new CallData(null, null, null, null, null, null, vars, named, arrays);
    }
}
