package dev.liaison.cti.ucce.protocol;

import dev.liaison.cti.ucce.protocol.AgentMessages.AgentStateEvent;
import dev.liaison.cti.ucce.protocol.CallEventMessages.BeginCall;
import dev.liaison.cti.ucce.protocol.CallEventMessages.CallCleared;
import dev.liaison.cti.ucce.protocol.CallEventMessages.CallDataUpdate;
import dev.liaison.cti.ucce.protocol.CallEventMessages.CallDelivered;
import dev.liaison.cti.ucce.protocol.CallEventMessages.CallEstablished;
import dev.liaison.cti.ucce.protocol.CallEventMessages.CallHeld;
import dev.liaison.cti.ucce.protocol.CallEventMessages.CallQueue;
import dev.liaison.cti.ucce.protocol.CallEventMessages.CallRetrieved;
import dev.liaison.cti.ucce.protocol.CallEventMessages.CallTransferred;
import dev.liaison.cti.ucce.protocol.CallEventMessages.EndCall;

/** Decodes the unsolicited events the adapter understands into their records; null for any other message type. */
public final class InboundDecoder {

    private InboundDecoder() {}

    public static Object decodeEvent(CtiMessage m) throws CtiProtocolException {
        return switch (m.type()) {
            case MessageType.CALL_DELIVERED_EVENT -> CallDelivered.decode(m);
            case MessageType.CALL_ESTABLISHED_EVENT -> CallEstablished.decode(m);
            case MessageType.CALL_HELD_EVENT -> CallHeld.decode(m);
            case MessageType.CALL_RETRIEVED_EVENT -> CallRetrieved.decode(m);
            case MessageType.CALL_CLEARED_EVENT -> CallCleared.decode(m);
            case MessageType.CALL_TRANSFERRED_EVENT -> CallTransferred.decode(m);
            case MessageType.CALL_QUEUED_EVENT, MessageType.CALL_DEQUEUED_EVENT -> CallQueue.decode(m);
            case MessageType.BEGIN_CALL_EVENT -> BeginCall.decode(m);
            case MessageType.END_CALL_EVENT -> EndCall.decode(m);
            case MessageType.CALL_DATA_UPDATE_EVENT -> CallDataUpdate.decode(m);
            case MessageType.AGENT_STATE_EVENT -> AgentStateEvent.decode(m);
            case MessageType.FAILURE_EVENT -> SessionMessages.FailureEvent.decode(m);
            default -> null;
        };
    }

    /** Whether the message answers a request (and so carries the InvokeID first). */
    public static boolean isConfirmation(int type) {
        return switch (type) {
            case MessageType.FAILURE_CONF,
                    MessageType.CONTROL_FAILURE_CONF,
                    MessageType.OPEN_CONF,
                    MessageType.HEARTBEAT_CONF,
                    MessageType.CLOSE_CONF,
                    MessageType.SET_CALL_DATA_CONF,
                    MessageType.SET_AGENT_STATE_CONF,
                    MessageType.QUERY_AGENT_STATE_CONF,
                    MessageType.MAKE_CALL_CONF,
                    MessageType.ANSWER_CALL_CONF,
                    MessageType.CLEAR_CONNECTION_CONF,
                    MessageType.HOLD_CALL_CONF,
                    MessageType.RETRIEVE_CALL_CONF,
                    MessageType.SNAPSHOT_CALL_CONF -> true;
            default -> false;
        };
    }
}
