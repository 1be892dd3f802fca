package dev.liaison.cti.ucce.protocol;

/** Session management messages: OPEN, HEARTBEAT, CLOSE, and the failure indications. */
public final class SessionMessages {

    private SessionMessages() {}

    /** IdleTimeout value meaning "the client sends no heartbeats". */
    public static final long NO_IDLE_TIMEOUT = 0xFFFF_FFFFL;

    /** NULL_PERIPHERAL_ID. */
    public static final long NULL_PERIPHERAL_ID = 0xFFFF_FFFFL;

    /**
     * OPEN_REQ. Fixed part: InvokeID, VersionNumber, IdleTimeout, PeripheralID, ServicesRequested, CallMsgMask,
     * AgentStateMask, ConfigMsgMask, three reserved UINTs. Floating: ClientID, ClientPassword (required, may be empty),
     * and optionally AgentExtension, AgentID, AgentInstrument.
     */
    public record OpenReq(
            long invokeId,
            long version,
            long idleTimeoutSeconds,
            long peripheralId,
            long services,
            long callMsgMask,
            long agentStateMask,
            long configMsgMask,
            String clientId,
            String clientPassword,
            String agentExtension,
            String agentId,
            String agentInstrument) {

        public CtiMessage encode() {
            return new MessageWriter(MessageType.OPEN_REQ)
                    .uint(invokeId)
                    .uint(version)
                    .uint(idleTimeoutSeconds)
                    .uint(peripheralId)
                    .uint(services)
                    .uint(callMsgMask)
                    .uint(agentStateMask)
                    .uint(configMsgMask)
                    .uint(0)
                    .uint(0)
                    .uint(0)
                    .string(Tag.CLIENT_ID, clientId)
                    .field(Tag.CLIENT_PASSWORD, clientPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .string(Tag.AGENT_EXTENSION, agentExtension)
                    .string(Tag.AGENT_ID, agentId)
                    .string(Tag.AGENT_INSTRUMENT, agentInstrument)
                    .build();
        }

        public static OpenReq decode(CtiMessage m) throws CtiProtocolException {
            MessageReader r = new MessageReader(m, MessageType.OPEN_REQ);
            long invokeId = r.uint();
            long version = r.uint();
            long idle = r.uint();
            long peripheral = r.uint();
            long services = r.uint();
            long callMask = r.uint();
            long agentMask = r.uint();
            long configMask = r.uint();
            r.skip(12);
            FloatingFields f = r.floating();
            String clientId = f.string(Tag.CLIENT_ID)
                    .orElseThrow(() -> new CtiProtocolException(
                            CtiProtocolException.Reason.MALFORMED, "OPEN_REQ without ClientID"));
            byte[] password = f.raw(Tag.CLIENT_PASSWORD)
                    .orElseThrow(() -> new CtiProtocolException(
                            CtiProtocolException.Reason.MALFORMED, "OPEN_REQ without ClientPassword"));
            return new OpenReq(
                    invokeId,
                    version,
                    idle,
                    peripheral,
                    services,
                    callMask,
                    agentMask,
                    configMask,
                    clientId,
                    new String(password, java.nio.charset.StandardCharsets.UTF_8),
                    f.stringOrNull(Tag.AGENT_EXTENSION),
                    f.stringOrNull(Tag.AGENT_ID),
                    f.stringOrNull(Tag.AGENT_INSTRUMENT));
        }
    }

    /**
     * OPEN_CONF. Fixed part: InvokeID, ServicesGranted, MonitorID, PGStatus, ICMCentralControllerTime (TIME),
     * PeripheralOnline (BOOL), PeripheralType, AgentState.
     */
    public record OpenConf(
            long invokeId,
            long servicesGranted,
            long monitorId,
            long pgStatus,
            long centralControllerTime,
            boolean peripheralOnline,
            int peripheralType,
            int agentState) {

        public CtiMessage encode() {
            return new MessageWriter(MessageType.OPEN_CONF)
                    .uint(invokeId)
                    .uint(servicesGranted)
                    .uint(monitorId)
                    .uint(pgStatus)
                    .uint(centralControllerTime)
                    .bool(peripheralOnline)
                    .ushort(peripheralType)
                    .ushort(agentState)
                    .build();
        }

        public static OpenConf decode(CtiMessage m) throws CtiProtocolException {
            MessageReader r = new MessageReader(m, MessageType.OPEN_CONF);
            return new OpenConf(r.uint(), r.uint(), r.uint(), r.uint(), r.uint(), r.bool(), r.ushort(), r.ushort());
        }
    }

    /** HEARTBEAT_REQ and HEARTBEAT_CONF: the InvokeID only. */
    public static CtiMessage heartbeat(int type, long invokeId) {
        return new MessageWriter(type).uint(invokeId).build();
    }

    /** The InvokeID of any confirmation or request (always the first fixed field). */
    public static long invokeId(CtiMessage m) throws CtiProtocolException {
        return new MessageReader(m, m.type()).uint();
    }

    /** A confirmation that carries the InvokeID only (SET_CALL_DATA_CONF, SET_AGENT_STATE_CONF, CLOSE_CONF). */
    public static CtiMessage invokeConf(int type, long invokeId) {
        return new MessageWriter(type).uint(invokeId).build();
    }

    /** FAILURE_CONF: InvokeID, Status. Also CONTROL_FAILURE_CONF in this adapter's use (InvokeID, FailureCode). */
    public record FailureConf(long invokeId, long status) {
        public CtiMessage encode() {
            return new MessageWriter(MessageType.FAILURE_CONF)
                    .uint(invokeId)
                    .uint(status)
                    .build();
        }

        public static FailureConf decode(CtiMessage m) throws CtiProtocolException {
            MessageReader r = new MessageReader(m, m.type());
            return new FailureConf(r.uint(), r.uint());
        }
    }

    /** FAILURE_EVENT: Status. */
    public record FailureEvent(long status) {
        public CtiMessage encode() {
            return new MessageWriter(MessageType.FAILURE_EVENT).uint(status).build();
        }

        public static FailureEvent decode(CtiMessage m) throws CtiProtocolException {
            return new FailureEvent(new MessageReader(m, MessageType.FAILURE_EVENT).uint());
        }
    }

    /** CLOSE_REQ: InvokeID, Status. */
    public record CloseReq(long invokeId, long status) {
        public CtiMessage encode() {
            return new MessageWriter(MessageType.CLOSE_REQ)
                    .uint(invokeId)
                    .uint(status)
                    .build();
        }

        public static CloseReq decode(CtiMessage m) throws CtiProtocolException {
            MessageReader r = new MessageReader(m, MessageType.CLOSE_REQ);
            return new CloseReq(r.uint(), r.uint());
        }
    }
}
