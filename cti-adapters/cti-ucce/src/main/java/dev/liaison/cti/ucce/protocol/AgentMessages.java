package dev.liaison.cti.ucce.protocol;

/** AGENT_STATE_EVENT, SET_AGENT_STATE_REQ and QUERY_AGENT_STATE_REQ/CONF, with the AgentState values. */
public final class AgentMessages {

    private AgentMessages() {}

    // AgentState values (constants chapter, "AgentState Values")
    public static final int LOGIN = 0;
    public static final int LOGOUT = 1;
    public static final int NOT_READY = 2;
    public static final int AVAILABLE = 3;
    public static final int TALKING = 4;
    public static final int WORK_NOT_READY = 5;
    public static final int WORK_READY = 6;
    public static final int BUSY_OTHER = 7;
    public static final int RESERVED = 8;
    public static final int UNKNOWN = 9;
    public static final int HOLD = 10;

    /**
     * AGENT_STATE_EVENT: MonitorID, PeripheralID, SessionID, PeripheralType, SkillGroupState, StateDuration,
     * SkillGroupNumber, SkillGroupID, SkillGroupPriority, AgentState, EventReasonCode, MRDID, NumTasks, AgentMode,
     * MaxTaskLimit, ICMAgentID, AgentAvailabilityStatus, NumFltSkillGroups; floating CTIClientSignature, AgentID,
     * AgentExtension, AgentInstrument.
     */
    public record AgentStateEvent(
            long peripheralId, int agentState, int reasonCode, String agentId, String extension, String instrument) {

        public CtiMessage encode() {
            return new MessageWriter(MessageType.AGENT_STATE_EVENT)
                    .uint(0)
                    .uint(peripheralId)
                    .uint(0)
                    .ushort(0)
                    .ushort(agentState)
                    .uint(0)
                    .uint(0)
                    .uint(0)
                    .ushort(0)
                    .ushort(agentState)
                    .ushort(reasonCode)
                    .uint(1)
                    .uint(0)
                    .ushort(0)
                    .uint(1)
                    .uint(0)
                    .uint(0)
                    .ushort(0)
                    .string(Tag.AGENT_ID, agentId)
                    .string(Tag.AGENT_EXTENSION, extension)
                    .string(Tag.AGENT_INSTRUMENT, instrument)
                    .build();
        }

        public static AgentStateEvent decode(CtiMessage m) throws CtiProtocolException {
            MessageReader r = new MessageReader(m, MessageType.AGENT_STATE_EVENT);
            r.uint();
            long peripheral = r.uint();
            r.skip(4 + 2 + 2 + 4 + 4 + 4 + 2);
            int state = r.ushort();
            int reason = r.ushort();
            r.skip(4 + 4 + 2 + 4 + 4 + 4 + 2);
            FloatingFields f = r.floating();
            return new AgentStateEvent(
                    peripheral,
                    state,
                    reason,
                    f.stringOrNull(Tag.AGENT_ID),
                    f.stringOrNull(Tag.AGENT_EXTENSION),
                    f.stringOrNull(Tag.AGENT_INSTRUMENT));
        }
    }

    /**
     * SET_AGENT_STATE_REQ: InvokeID, PeripheralID, AgentState, AgentWorkMode, NumSkillGroups, EventReasonCode,
     * ForcedFlag (UCHAR), AgentServiceReq; floating AgentInstrument, AgentID, AgentPassword.
     */
    public record SetAgentStateReq(
            long invokeId,
            long peripheralId,
            int agentState,
            int reasonCode,
            String instrument,
            String agentId,
            String password) {

        public CtiMessage encode() {
            return new MessageWriter(MessageType.SET_AGENT_STATE_REQ)
                    .uint(invokeId)
                    .uint(peripheralId)
                    .ushort(agentState)
                    .ushort(0)
                    .ushort(0)
                    .ushort(reasonCode)
                    .uchar(0)
                    .uint(0)
                    .string(Tag.AGENT_INSTRUMENT, instrument)
                    .string(Tag.AGENT_ID, agentId)
                    .string(Tag.AGENT_PASSWORD, password == null || password.isEmpty() ? null : password)
                    .build();
        }

        public static SetAgentStateReq decode(CtiMessage m) throws CtiProtocolException {
            MessageReader r = new MessageReader(m, MessageType.SET_AGENT_STATE_REQ);
            long invoke = r.uint();
            long peripheral = r.uint();
            int state = r.ushort();
            r.skip(4);
            int reason = r.ushort();
            r.skip(1 + 4);
            FloatingFields f = r.floating();
            return new SetAgentStateReq(
                    invoke,
                    peripheral,
                    state,
                    reason,
                    f.stringOrNull(Tag.AGENT_INSTRUMENT),
                    f.stringOrNull(Tag.AGENT_ID),
                    f.stringOrNull(Tag.AGENT_PASSWORD));
        }
    }

    /** QUERY_AGENT_STATE_REQ: InvokeID, PeripheralID, MRDID, ICMAgentID; floating AgentInstrument, AgentID. */
    public record QueryAgentStateReq(long invokeId, long peripheralId, String instrument, String agentId) {
        public CtiMessage encode() {
            return new MessageWriter(MessageType.QUERY_AGENT_STATE_REQ)
                    .uint(invokeId)
                    .uint(peripheralId)
                    .uint(1)
                    .uint(0)
                    .string(Tag.AGENT_INSTRUMENT, instrument)
                    .string(Tag.AGENT_ID, agentId)
                    .build();
        }

        public static QueryAgentStateReq decode(CtiMessage m) throws CtiProtocolException {
            MessageReader r = new MessageReader(m, MessageType.QUERY_AGENT_STATE_REQ);
            long invoke = r.uint();
            long peripheral = r.uint();
            r.skip(8);
            FloatingFields f = r.floating();
            return new QueryAgentStateReq(
                    invoke, peripheral, f.stringOrNull(Tag.AGENT_INSTRUMENT), f.stringOrNull(Tag.AGENT_ID));
        }
    }

    /**
     * QUERY_AGENT_STATE_CONF: InvokeID, AgentState, NumSkillGroups, MRDID, NumTasks, AgentMode, MaxTaskLimit,
     * ICMAgentID, AgentAvailabilityStatus; floating AgentID, AgentExtension, AgentInstrument.
     */
    public record QueryAgentStateConf(long invokeId, int agentState, String agentId, String instrument) {
        public CtiMessage encode() {
            return new MessageWriter(MessageType.QUERY_AGENT_STATE_CONF)
                    .uint(invokeId)
                    .ushort(agentState)
                    .ushort(0)
                    .uint(1)
                    .uint(0)
                    .ushort(0)
                    .uint(1)
                    .uint(0)
                    .uint(0)
                    .string(Tag.AGENT_ID, agentId)
                    .string(Tag.AGENT_INSTRUMENT, instrument)
                    .build();
        }

        public static QueryAgentStateConf decode(CtiMessage m) throws CtiProtocolException {
            MessageReader r = new MessageReader(m, MessageType.QUERY_AGENT_STATE_CONF);
            long invoke = r.uint();
            int state = r.ushort();
            r.skip(2 + 4 + 4 + 2 + 4 + 4 + 4);
            FloatingFields f = r.floating();
            return new QueryAgentStateConf(
                    invoke, state, f.stringOrNull(Tag.AGENT_ID), f.stringOrNull(Tag.AGENT_INSTRUMENT));
        }
    }
}
