package dev.liaison.cti.ucce.protocol;

/**
 * CTI Server message numbers used by this adapter, from the message set table (Table 3-1) of the Cisco "CTI Server
 * Message Reference Guide". The header's MessageType field carries one of these.
 */
public final class MessageType {

    public static final int FAILURE_CONF = 1;
    public static final int FAILURE_EVENT = 2;
    public static final int OPEN_REQ = 3;
    public static final int OPEN_CONF = 4;
    public static final int HEARTBEAT_REQ = 5;
    public static final int HEARTBEAT_CONF = 6;
    public static final int CLOSE_REQ = 7;
    public static final int CLOSE_CONF = 8;
    public static final int CALL_DELIVERED_EVENT = 9;
    public static final int CALL_ESTABLISHED_EVENT = 10;
    public static final int CALL_HELD_EVENT = 11;
    public static final int CALL_RETRIEVED_EVENT = 12;
    public static final int CALL_CLEARED_EVENT = 13;
    public static final int CALL_CONNECTION_CLEARED_EVENT = 14;
    public static final int CALL_TRANSFERRED_EVENT = 18;
    public static final int CALL_QUEUED_EVENT = 21;
    public static final int BEGIN_CALL_EVENT = 23;
    public static final int END_CALL_EVENT = 24;
    public static final int CALL_DATA_UPDATE_EVENT = 25;
    public static final int SET_CALL_DATA_REQ = 26;
    public static final int SET_CALL_DATA_CONF = 27;
    public static final int AGENT_STATE_EVENT = 30;
    public static final int SYSTEM_EVENT = 31;
    public static final int CONTROL_FAILURE_CONF = 35;
    public static final int QUERY_AGENT_STATE_REQ = 36;
    public static final int QUERY_AGENT_STATE_CONF = 37;
    public static final int SET_AGENT_STATE_REQ = 38;
    public static final int SET_AGENT_STATE_CONF = 39;
    public static final int ANSWER_CALL_REQ = 42;
    public static final int ANSWER_CALL_CONF = 43;
    public static final int CLEAR_CONNECTION_REQ = 46;
    public static final int CLEAR_CONNECTION_CONF = 47;
    public static final int HOLD_CALL_REQ = 54;
    public static final int HOLD_CALL_CONF = 55;
    public static final int MAKE_CALL_REQ = 56;
    public static final int MAKE_CALL_CONF = 57;
    public static final int RETRIEVE_CALL_REQ = 62;
    public static final int RETRIEVE_CALL_CONF = 63;
    public static final int SNAPSHOT_CALL_REQ = 82;
    public static final int SNAPSHOT_CALL_CONF = 83;
    public static final int CALL_DEQUEUED_EVENT = 86;

    private MessageType() {}

    /** A readable name for logs and metric tags; {@code TYPE_<n>} for numbers this adapter does not use. */
    public static String name(int type) {
        return switch (type) {
            case FAILURE_CONF -> "FAILURE_CONF";
            case FAILURE_EVENT -> "FAILURE_EVENT";
            case OPEN_REQ -> "OPEN_REQ";
            case OPEN_CONF -> "OPEN_CONF";
            case HEARTBEAT_REQ -> "HEARTBEAT_REQ";
            case HEARTBEAT_CONF -> "HEARTBEAT_CONF";
            case CLOSE_REQ -> "CLOSE_REQ";
            case CLOSE_CONF -> "CLOSE_CONF";
            case CALL_DELIVERED_EVENT -> "CALL_DELIVERED_EVENT";
            case CALL_ESTABLISHED_EVENT -> "CALL_ESTABLISHED_EVENT";
            case CALL_HELD_EVENT -> "CALL_HELD_EVENT";
            case CALL_RETRIEVED_EVENT -> "CALL_RETRIEVED_EVENT";
            case CALL_CLEARED_EVENT -> "CALL_CLEARED_EVENT";
            case CALL_CONNECTION_CLEARED_EVENT -> "CALL_CONNECTION_CLEARED_EVENT";
            case CALL_TRANSFERRED_EVENT -> "CALL_TRANSFERRED_EVENT";
            case CALL_QUEUED_EVENT -> "CALL_QUEUED_EVENT";
            case BEGIN_CALL_EVENT -> "BEGIN_CALL_EVENT";
            case END_CALL_EVENT -> "END_CALL_EVENT";
            case CALL_DATA_UPDATE_EVENT -> "CALL_DATA_UPDATE_EVENT";
            case SET_CALL_DATA_REQ -> "SET_CALL_DATA_REQ";
            case SET_CALL_DATA_CONF -> "SET_CALL_DATA_CONF";
            case AGENT_STATE_EVENT -> "AGENT_STATE_EVENT";
            case SYSTEM_EVENT -> "SYSTEM_EVENT";
            case CONTROL_FAILURE_CONF -> "CONTROL_FAILURE_CONF";
            case QUERY_AGENT_STATE_REQ -> "QUERY_AGENT_STATE_REQ";
            case QUERY_AGENT_STATE_CONF -> "QUERY_AGENT_STATE_CONF";
            case SET_AGENT_STATE_REQ -> "SET_AGENT_STATE_REQ";
            case SET_AGENT_STATE_CONF -> "SET_AGENT_STATE_CONF";
            case ANSWER_CALL_REQ -> "ANSWER_CALL_REQ";
            case ANSWER_CALL_CONF -> "ANSWER_CALL_CONF";
            case CLEAR_CONNECTION_REQ -> "CLEAR_CONNECTION_REQ";
            case CLEAR_CONNECTION_CONF -> "CLEAR_CONNECTION_CONF";
            case HOLD_CALL_REQ -> "HOLD_CALL_REQ";
            case HOLD_CALL_CONF -> "HOLD_CALL_CONF";
            case RETRIEVE_CALL_REQ -> "RETRIEVE_CALL_REQ";
            case RETRIEVE_CALL_CONF -> "RETRIEVE_CALL_CONF";
            case MAKE_CALL_REQ -> "MAKE_CALL_REQ";
            case MAKE_CALL_CONF -> "MAKE_CALL_CONF";
            case SNAPSHOT_CALL_REQ -> "SNAPSHOT_CALL_REQ";
            case SNAPSHOT_CALL_CONF -> "SNAPSHOT_CALL_CONF";
            case CALL_DEQUEUED_EVENT -> "CALL_DEQUEUED_EVENT";
            default -> "TYPE_" + type;
        };
    }
}
