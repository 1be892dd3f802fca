package dev.liaison.cti.ucce.protocol;

/**
 * The unsolicited call events this adapter decodes. Most start with MonitorID, PeripheralID, PeripheralType,
 * ConnectionDeviceIDType, ConnectionCallID; fields this adapter does not use are skipped on read and written as zero
 * (the simulator's side). ConnectionDeviceID is a floating field in every one of them.
 */
public final class CallEventMessages {

    private CallEventMessages() {}

    /** LocalConnectionState values. */
    public static final int LCS_NULL = 0;

    public static final int LCS_ALERTING = 2;
    public static final int LCS_CONNECT = 3;
    public static final int LCS_HOLD = 4;

    /** The call a connection event is about. */
    public record Connection(long peripheralId, long callId, String deviceId) {}

    private static void prefix(MessageWriter w, Connection c) {
        w.uint(0).uint(c.peripheralId()).ushort(0).ushort(0).uint(c.callId());
    }

    private static long[] readPrefix(MessageReader r) throws CtiProtocolException {
        r.uint(); // MonitorID
        long peripheral = r.uint();
        r.ushort(); // PeripheralType
        r.ushort(); // ConnectionDeviceIDType
        long callId = r.uint();
        return new long[] {peripheral, callId};
    }

    private static Connection readConnection(long[] p, FloatingFields f) throws CtiProtocolException {
        return new Connection(p[0], p[1], f.stringOrNull(Tag.CONNECTION_DEVID));
    }

    /**
     * CALL_DELIVERED_EVENT: after the prefix LineHandle, LineType, ServiceNumber, ServiceID, SkillGroupNumber,
     * SkillGroupID, SkillGroupPriority, AlertingDeviceType, CallingDeviceType, CalledDeviceType, LastRedirectDeviceType,
     * LocalConnectionState, EventCause, NumNamedVariables, NumNamedArrays; floating ConnectionDeviceID,
     * AlertingDeviceID, CallingDeviceID, CalledDeviceID and the call data.
     */
    public record CallDelivered(
            Connection connection,
            long serviceNumber,
            String alertingDevice,
            String callingDevice,
            String calledDevice,
            CallData data) {

        public CtiMessage encode() {
            MessageWriter w = new MessageWriter(MessageType.CALL_DELIVERED_EVENT);
            prefix(w, connection);
            w.ushort(0xffff)
                    .ushort(0)
                    .uint(serviceNumber)
                    .uint(0)
                    .uint(0)
                    .uint(0)
                    .ushort(0);
            w.ushort(0).ushort(0).ushort(0).ushort(0).ushort(LCS_ALERTING).ushort(0xffff);
            w.ushort(data.namedVariableCount()).ushort(data.namedArrayCount());
            w.string(Tag.CONNECTION_DEVID, connection.deviceId())
                    .string(Tag.ALERTING_DEVID, alertingDevice)
                    .string(Tag.CALLING_DEVID, callingDevice)
                    .string(Tag.CALLED_DEVID, calledDevice);
            data.writeTo(w);
            return w.build();
        }

        public static CallDelivered decode(CtiMessage m) throws CtiProtocolException {
            MessageReader r = new MessageReader(m, MessageType.CALL_DELIVERED_EVENT);
            long[] p = readPrefix(r);
            r.skip(4); // LineHandle, LineType
            long service = r.uint();
            r.skip(4 + 4 + 4 + 2 + 2 * 6 + 4);
            FloatingFields f = r.floating();
            return new CallDelivered(
                    readConnection(p, f),
                    service,
                    f.stringOrNull(Tag.ALERTING_DEVID),
                    f.stringOrNull(Tag.CALLING_DEVID),
                    f.stringOrNull(Tag.CALLED_DEVID),
                    CallData.readFrom(f));
        }
    }

    /**
     * CALL_ESTABLISHED_EVENT: after the prefix LineHandle, LineType, ServiceNumber, ServiceID, SkillGroupNumber,
     * SkillGroupID, SkillGroupPriority, AnsweringDeviceType, CallingDeviceType, CalledDeviceType,
     * LastRedirectDeviceType, LocalConnectionState, EventCause; floating ConnectionDeviceID, AnsweringDeviceID.
     */
    public record CallEstablished(Connection connection, String answeringDevice) {
        public CtiMessage encode() {
            MessageWriter w = new MessageWriter(MessageType.CALL_ESTABLISHED_EVENT);
            prefix(w, connection);
            w.ushort(0xffff).ushort(0).uint(0).uint(0).uint(0).uint(0).ushort(0);
            w.ushort(0).ushort(0).ushort(0).ushort(0).ushort(LCS_CONNECT).ushort(0xffff);
            return w.string(Tag.CONNECTION_DEVID, connection.deviceId())
                    .string(Tag.ANSWERING_DEVID, answeringDevice)
                    .build();
        }

        public static CallEstablished decode(CtiMessage m) throws CtiProtocolException {
            MessageReader r = new MessageReader(m, MessageType.CALL_ESTABLISHED_EVENT);
            long[] p = readPrefix(r);
            r.skip(4 + 4 * 4 + 2 + 2 * 6);
            FloatingFields f = r.floating();
            return new CallEstablished(readConnection(p, f), f.stringOrNull(Tag.ANSWERING_DEVID));
        }
    }

    /** CALL_HELD_EVENT: after the prefix HoldingDeviceType, LocalConnectionState, EventCause; floating HoldingDeviceID. */
    public record CallHeld(Connection connection, String holdingDevice) {
        public CtiMessage encode() {
            MessageWriter w = new MessageWriter(MessageType.CALL_HELD_EVENT);
            prefix(w, connection);
            w.ushort(0).ushort(LCS_HOLD).ushort(0xffff);
            return w.string(Tag.CONNECTION_DEVID, connection.deviceId())
                    .string(Tag.HOLDING_DEVID, holdingDevice)
                    .build();
        }

        public static CallHeld decode(CtiMessage m) throws CtiProtocolException {
            MessageReader r = new MessageReader(m, MessageType.CALL_HELD_EVENT);
            long[] p = readPrefix(r);
            r.skip(6);
            FloatingFields f = r.floating();
            return new CallHeld(readConnection(p, f), f.stringOrNull(Tag.HOLDING_DEVID));
        }
    }

    /** CALL_RETRIEVED_EVENT: like CALL_HELD_EVENT with RetrievingDeviceType and RetrievingDeviceID. */
    public record CallRetrieved(Connection connection, String retrievingDevice) {
        public CtiMessage encode() {
            MessageWriter w = new MessageWriter(MessageType.CALL_RETRIEVED_EVENT);
            prefix(w, connection);
            w.ushort(0).ushort(LCS_CONNECT).ushort(0xffff);
            return w.string(Tag.CONNECTION_DEVID, connection.deviceId())
                    .string(Tag.RETRIEVING_DEVID, retrievingDevice)
                    .build();
        }

        public static CallRetrieved decode(CtiMessage m) throws CtiProtocolException {
            MessageReader r = new MessageReader(m, MessageType.CALL_RETRIEVED_EVENT);
            long[] p = readPrefix(r);
            r.skip(6);
            FloatingFields f = r.floating();
            return new CallRetrieved(readConnection(p, f), f.stringOrNull(Tag.RETRIEVING_DEVID));
        }
    }

    /** CALL_CLEARED_EVENT: after the prefix LocalConnectionState, EventCause (CEC value). */
    public record CallCleared(Connection connection, int eventCause) {
        public CtiMessage encode() {
            MessageWriter w = new MessageWriter(MessageType.CALL_CLEARED_EVENT);
            prefix(w, connection);
            w.ushort(LCS_NULL).ushort(eventCause);
            return w.string(Tag.CONNECTION_DEVID, connection.deviceId()).build();
        }

        public static CallCleared decode(CtiMessage m) throws CtiProtocolException {
            MessageReader r = new MessageReader(m, MessageType.CALL_CLEARED_EVENT);
            long[] p = readPrefix(r);
            r.ushort();
            int cause = r.ushort();
            return new CallCleared(readConnection(p, r.floating()), cause);
        }
    }

    /**
     * CALL_QUEUED_EVENT: after the prefix ServiceNumber, ServiceID, QueueDeviceType, CallingDeviceType,
     * CalledDeviceType, LastRedirectDeviceType, NumQueued, NumSkillGroups, LocalConnectionState, EventCause; floating
     * QueueDeviceID. CALL_DEQUEUED_EVENT: ServiceNumber, ServiceID, QueueDeviceType, NumQueued, NumSkillGroups,
     * LocalConnectionState, EventCause.
     */
    public record CallQueue(boolean queued, Connection connection, long serviceNumber, String queueDevice) {
        public CtiMessage encode() {
            MessageWriter w =
                    new MessageWriter(queued ? MessageType.CALL_QUEUED_EVENT : MessageType.CALL_DEQUEUED_EVENT);
            prefix(w, connection);
            w.uint(serviceNumber).uint(0).ushort(0);
            if (queued) {
                w.ushort(0).ushort(0).ushort(0);
            }
            w.ushort(1).ushort(0).ushort(0).ushort(0xffff);
            return w.string(Tag.CONNECTION_DEVID, connection.deviceId())
                    .string(Tag.QUEUE_DEVID, queueDevice)
                    .build();
        }

        public static CallQueue decode(CtiMessage m) throws CtiProtocolException {
            boolean queued = m.type() == MessageType.CALL_QUEUED_EVENT;
            MessageReader r =
                    new MessageReader(m, queued ? MessageType.CALL_QUEUED_EVENT : MessageType.CALL_DEQUEUED_EVENT);
            long[] p = readPrefix(r);
            long service = r.uint();
            r.skip(4 + 2 + (queued ? 6 : 0) + 8);
            FloatingFields f = r.floating();
            return new CallQueue(queued, readConnection(p, f), service, f.stringOrNull(Tag.QUEUE_DEVID));
        }
    }

    /**
     * CALL_TRANSFERRED_EVENT: MonitorID, PeripheralID, PeripheralType, PrimaryDeviceIDType, PrimaryCallID, LineHandle,
     * LineType, SkillGroupNumber, SkillGroupID, SkillGroupPriority, NumParties, SecondaryDeviceIDType, SecondaryCallID,
     * TransferringDeviceType, TransferredDeviceType, LocalConnectionState, EventCause; floating PrimaryDeviceID,
     * SecondaryDeviceID, TransferringDeviceID, TransferredDeviceID.
     */
    public record CallTransferred(
            long peripheralId,
            long primaryCallId,
            String primaryDevice,
            long secondaryCallId,
            String secondaryDevice,
            String transferringDevice,
            String transferredDevice) {

        public CtiMessage encode() {
            return new MessageWriter(MessageType.CALL_TRANSFERRED_EVENT)
                    .uint(0)
                    .uint(peripheralId)
                    .ushort(0)
                    .ushort(0)
                    .uint(primaryCallId)
                    .ushort(0xffff)
                    .ushort(0)
                    .uint(0)
                    .uint(0)
                    .ushort(0)
                    .ushort(2)
                    .ushort(0)
                    .uint(secondaryCallId)
                    .ushort(0)
                    .ushort(0)
                    .ushort(LCS_CONNECT)
                    .ushort(32)
                    .string(Tag.PRIMARY_DEVID, primaryDevice)
                    .string(Tag.SECONDARY_DEVID, secondaryDevice)
                    .string(Tag.TRANSFERRING_DEVID, transferringDevice)
                    .string(Tag.TRANSFERRED_DEVID, transferredDevice)
                    .build();
        }

        public static CallTransferred decode(CtiMessage m) throws CtiProtocolException {
            MessageReader r = new MessageReader(m, MessageType.CALL_TRANSFERRED_EVENT);
            r.uint();
            long peripheral = r.uint();
            r.skip(4);
            long primary = r.uint();
            r.skip(2 + 2 + 4 + 4 + 2 + 2 + 2);
            long secondary = r.uint();
            r.skip(8);
            FloatingFields f = r.floating();
            return new CallTransferred(
                    peripheral,
                    primary,
                    f.stringOrNull(Tag.PRIMARY_DEVID),
                    secondary,
                    f.stringOrNull(Tag.SECONDARY_DEVID),
                    f.stringOrNull(Tag.TRANSFERRING_DEVID),
                    f.stringOrNull(Tag.TRANSFERRED_DEVID));
        }
    }

    /**
     * BEGIN_CALL_EVENT: MonitorID, PeripheralID, NumCTIClients, NumNamedVariables, NumNamedArrays, CallType,
     * ConnectionDeviceIDType, ConnectionCallID, CalledPartyDisposition; floating ConnectionDeviceID and the call data
     * (with RouterCallKeyDay/CallID when the call was routed).
     */
    public record BeginCall(Connection connection, CallData data) {
        public CtiMessage encode() {
            MessageWriter w = new MessageWriter(MessageType.BEGIN_CALL_EVENT)
                    .uint(0)
                    .uint(connection.peripheralId())
                    .ushort(0)
                    .ushort(data.namedVariableCount())
                    .ushort(data.namedArrayCount())
                    .ushort(0)
                    .ushort(0)
                    .uint(connection.callId())
                    .ushort(0)
                    .string(Tag.CONNECTION_DEVID, connection.deviceId());
            data.writeTo(w);
            return w.build();
        }

        public static BeginCall decode(CtiMessage m) throws CtiProtocolException {
            MessageReader r = new MessageReader(m, MessageType.BEGIN_CALL_EVENT);
            r.uint();
            long peripheral = r.uint();
            r.skip(2 * 5);
            long callId = r.uint();
            r.skip(2);
            FloatingFields f = r.floating();
            return new BeginCall(
                    new Connection(peripheral, callId, f.stringOrNull(Tag.CONNECTION_DEVID)), CallData.readFrom(f));
        }
    }

    /** END_CALL_EVENT: MonitorID, PeripheralID, ConnectionDeviceIDType, ConnectionCallID; floating ConnectionDeviceID. */
    public record EndCall(Connection connection) {
        public CtiMessage encode() {
            return new MessageWriter(MessageType.END_CALL_EVENT)
                    .uint(0)
                    .uint(connection.peripheralId())
                    .ushort(0)
                    .uint(connection.callId())
                    .string(Tag.CONNECTION_DEVID, connection.deviceId())
                    .build();
        }

        public static EndCall decode(CtiMessage m) throws CtiProtocolException {
            MessageReader r = new MessageReader(m, MessageType.END_CALL_EVENT);
            r.uint();
            long peripheral = r.uint();
            r.ushort();
            long callId = r.uint();
            FloatingFields f = r.floating();
            return new EndCall(new Connection(peripheral, callId, f.stringOrNull(Tag.CONNECTION_DEVID)));
        }
    }

    /**
     * CALL_DATA_UPDATE_EVENT: MonitorID, PeripheralID, PeripheralType, NumCTIClients, NumNamedVariables,
     * NumNamedArrays, CallType, ConnectionDeviceIDType, ConnectionCallID, NewConnectionDeviceIDType,
     * NewConnectionCallID, CalledPartyDisposition, CampaignID, QueryRuleID; floating ConnectionDeviceID,
     * NewConnectionDeviceID and the call data.
     */
    public record CallDataUpdate(Connection connection, CallData data) {
        public CtiMessage encode() {
            MessageWriter w = new MessageWriter(MessageType.CALL_DATA_UPDATE_EVENT)
                    .uint(0)
                    .uint(connection.peripheralId())
                    .ushort(0)
                    .ushort(0)
                    .ushort(data.namedVariableCount())
                    .ushort(data.namedArrayCount())
                    .ushort(0)
                    .ushort(0)
                    .uint(connection.callId())
                    .ushort(0)
                    .uint(connection.callId())
                    .ushort(0)
                    .uint(0)
                    .uint(0)
                    .string(Tag.CONNECTION_DEVID, connection.deviceId());
            data.writeTo(w);
            return w.build();
        }

        public static CallDataUpdate decode(CtiMessage m) throws CtiProtocolException {
            MessageReader r = new MessageReader(m, MessageType.CALL_DATA_UPDATE_EVENT);
            r.uint();
            long peripheral = r.uint();
            r.skip(2 * 6);
            long callId = r.uint();
            r.skip(2 + 4 + 2 + 4 + 4);
            FloatingFields f = r.floating();
            return new CallDataUpdate(
                    new Connection(peripheral, callId, f.stringOrNull(Tag.CONNECTION_DEVID)), CallData.readFrom(f));
        }
    }
}
