package dev.liaison.cti.ucce.protocol;

/** SET_CALL_DATA_REQ, MAKE_CALL_REQ/CONF and SNAPSHOT_CALL_REQ/CONF. */
public final class CallRequestMessages {

    private CallRequestMessages() {}

    /**
     * SET_CALL_DATA_REQ: InvokeID, PeripheralID, ConnectionCallID, ConnectionDeviceIDType, NumNamedVariables,
     * NumNamedArrays, CalledPartyDisposition, CampaignID, QueryRuleID; floating ConnectionDeviceID, then the call
     * variables and ECC variables to set.
     */
    public record SetCallDataReq(long invokeId, long peripheralId, long callId, String deviceId, CallData data) {
        public CtiMessage encode() {
            MessageWriter w = new MessageWriter(MessageType.SET_CALL_DATA_REQ)
                    .uint(invokeId)
                    .uint(peripheralId)
                    .uint(callId)
                    .ushort(0)
                    .ushort(data.namedVariableCount())
                    .ushort(data.namedArrayCount())
                    .ushort(0)
                    .uint(0)
                    .uint(0)
                    .string(Tag.CONNECTION_DEVID, deviceId);
            data.writeTo(w);
            return w.build();
        }

        public static SetCallDataReq decode(CtiMessage m) throws CtiProtocolException {
            MessageReader r = new MessageReader(m, MessageType.SET_CALL_DATA_REQ);
            long invoke = r.uint();
            long peripheral = r.uint();
            long callId = r.uint();
            r.skip(2 * 4 + 8);
            FloatingFields f = r.floating();
            return new SetCallDataReq(
                    invoke, peripheral, callId, f.stringOrNull(Tag.CONNECTION_DEVID), CallData.readFrom(f));
        }
    }

    /**
     * MAKE_CALL_REQ: InvokeID, PeripheralID, NumNamedVariables, NumNamedArrays, CallPlacementType, CallMannerType,
     * AlertRings, CallOption, FacilityType, AnsweringMachine, Priority (BOOL), PostRoute (BOOL); floating
     * AgentInstrument, DialedNumber and the call data.
     */
    public record MakeCallReq(long invokeId, long peripheralId, String instrument, String dialedNumber, CallData data) {
        public CtiMessage encode() {
            MessageWriter w = new MessageWriter(MessageType.MAKE_CALL_REQ)
                    .uint(invokeId)
                    .uint(peripheralId)
                    .ushort(data.namedVariableCount())
                    .ushort(data.namedArrayCount())
                    .ushort(0)
                    .ushort(0)
                    .uint(0)
                    .ushort(0)
                    .ushort(0)
                    .ushort(0)
                    .bool(false)
                    .bool(false)
                    .string(Tag.AGENT_INSTRUMENT, instrument)
                    .string(Tag.DIALED_NUMBER, dialedNumber);
            // the dialed number is its own field above; the call data carries only the context here
            new CallData(
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            data.callVariables(),
                            data.namedVariables(),
                            data.namedArrays())
                    .writeTo(w);
            return w.build();
        }

        public static MakeCallReq decode(CtiMessage m) throws CtiProtocolException {
            MessageReader r = new MessageReader(m, MessageType.MAKE_CALL_REQ);
            long invoke = r.uint();
            long peripheral = r.uint();
            r.skip(2 * 4 + 4 + 2 * 3 + 4);
            FloatingFields f = r.floating();
            CallData data = CallData.readFrom(f);
            return new MakeCallReq(
                    invoke,
                    peripheral,
                    f.stringOrNull(Tag.AGENT_INSTRUMENT),
                    data.dialedNumber(),
                    new CallData(
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            data.callVariables(),
                            data.namedVariables(),
                            data.namedArrays()));
        }
    }

    /**
     * MAKE_CALL_CONF: InvokeID, NewConnectionCallID, NewConnectionDeviceIDType, LineHandle, LineType; floating
     * NewConnectionDeviceID.
     */
    public record MakeCallConf(long invokeId, long newCallId, String newDeviceId) {
        public CtiMessage encode() {
            return new MessageWriter(MessageType.MAKE_CALL_CONF)
                    .uint(invokeId)
                    .uint(newCallId)
                    .ushort(0)
                    .ushort(0xffff)
                    .ushort(0)
                    .string(Tag.NEW_CONNECTION_DEVID, newDeviceId)
                    .build();
        }

        public static MakeCallConf decode(CtiMessage m) throws CtiProtocolException {
            MessageReader r = new MessageReader(m, MessageType.MAKE_CALL_CONF);
            long invoke = r.uint();
            long callId = r.uint();
            r.skip(6);
            return new MakeCallConf(invoke, callId, r.floating().stringOrNull(Tag.NEW_CONNECTION_DEVID));
        }
    }

    /**
     * SNAPSHOT_CALL_REQ: InvokeID, PeripheralID, ConnectionCallID, ConnectionDeviceIDType; floating
     * ConnectionDeviceID.
     */
    public record SnapshotCallReq(long invokeId, long peripheralId, long callId, String deviceId) {
        public CtiMessage encode() {
            return new MessageWriter(MessageType.SNAPSHOT_CALL_REQ)
                    .uint(invokeId)
                    .uint(peripheralId)
                    .uint(callId)
                    .ushort(0)
                    .string(Tag.CONNECTION_DEVID, deviceId)
                    .build();
        }

        public static SnapshotCallReq decode(CtiMessage m) throws CtiProtocolException {
            MessageReader r = new MessageReader(m, MessageType.SNAPSHOT_CALL_REQ);
            long invoke = r.uint();
            long peripheral = r.uint();
            long callId = r.uint();
            r.ushort();
            return new SnapshotCallReq(invoke, peripheral, callId, r.floating().stringOrNull(Tag.CONNECTION_DEVID));
        }
    }

    /**
     * SNAPSHOT_CALL_CONF: InvokeID, CallType, NumCTIClients, NumCallDevices, NumNamedVariables, NumNamedArrays,
     * CalledPartyDisposition; floating the call data, then per device CallConnectionCallID, CallConnectionDeviceIDType,
     * CallConnectionDeviceID, CallDeviceType, CallDeviceID, CallDeviceConnectionState. This adapter reads the call data
     * and the connection state of the first device (the agent's, for the calls it tracks).
     */
    public record SnapshotCallConf(long invokeId, int localConnectionState, CallData data) {
        public static final int TAG_CALL_DEVICE_CONNECTION_STATE = 61;

        public CtiMessage encode() {
            MessageWriter w = new MessageWriter(MessageType.SNAPSHOT_CALL_CONF)
                    .uint(invokeId)
                    .ushort(0)
                    .ushort(0)
                    .ushort(1)
                    .ushort(data.namedVariableCount())
                    .ushort(data.namedArrayCount())
                    .ushort(0);
            data.writeTo(w);
            w.field(
                    TAG_CALL_DEVICE_CONNECTION_STATE,
                    new byte[] {(byte) (localConnectionState >>> 8), (byte) localConnectionState});
            return w.build();
        }

        public static SnapshotCallConf decode(CtiMessage m) throws CtiProtocolException {
            MessageReader r = new MessageReader(m, MessageType.SNAPSHOT_CALL_CONF);
            long invoke = r.uint();
            r.skip(2 * 6);
            FloatingFields f = r.floating();
            byte[] state = f.raw(TAG_CALL_DEVICE_CONNECTION_STATE).orElse(new byte[] {0, 0});
            if (state.length != 2) {
                throw new CtiProtocolException(
                        CtiProtocolException.Reason.MALFORMED, "CallDeviceConnectionState is a USHORT");
            }
            return new SnapshotCallConf(invoke, ((state[0] & 0xff) << 8) | (state[1] & 0xff), CallData.readFrom(f));
        }
    }

    /**
     * A request about one connection: ANSWER_CALL_REQ, CLEAR_CONNECTION_REQ and RETRIEVE_CALL_REQ carry InvokeID,
     * PeripheralID, ConnectionCallID, ConnectionDeviceIDType; HOLD_CALL_REQ adds Reservation (BOOL, false here).
     * Floating: ConnectionDeviceID, AgentInstrument. Each is confirmed by its *_CONF with the InvokeID only.
     */
    public record ConnectionReq(
            int type, long invokeId, long peripheralId, long callId, String deviceId, String instrument) {

        public ConnectionReq {
            if (type != MessageType.ANSWER_CALL_REQ
                    && type != MessageType.CLEAR_CONNECTION_REQ
                    && type != MessageType.HOLD_CALL_REQ
                    && type != MessageType.RETRIEVE_CALL_REQ) {
                throw new IllegalArgumentException("Not a connection request: " + MessageType.name(type));
            }
        }

        public CtiMessage encode() {
            MessageWriter w = new MessageWriter(type)
                    .uint(invokeId)
                    .uint(peripheralId)
                    .uint(callId)
                    .ushort(0);
            if (type == MessageType.HOLD_CALL_REQ) {
                w.bool(false);
            }
            return w.string(Tag.CONNECTION_DEVID, deviceId)
                    .string(Tag.AGENT_INSTRUMENT, instrument)
                    .build();
        }

        public static ConnectionReq decode(CtiMessage m) throws CtiProtocolException {
            MessageReader r = new MessageReader(m, m.type());
            long invoke = r.uint();
            long peripheral = r.uint();
            long callId = r.uint();
            r.ushort();
            if (m.type() == MessageType.HOLD_CALL_REQ) {
                r.bool();
            }
            FloatingFields f = r.floating();
            return new ConnectionReq(
                    m.type(),
                    invoke,
                    peripheral,
                    callId,
                    f.stringOrNull(Tag.CONNECTION_DEVID),
                    f.stringOrNull(Tag.AGENT_INSTRUMENT));
        }

        /** The confirmation type of this request. */
        public int confirmationType() {
            return type + 1;
        }
    }
}
