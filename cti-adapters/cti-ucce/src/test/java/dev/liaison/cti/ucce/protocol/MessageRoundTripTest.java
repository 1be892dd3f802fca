package dev.liaison.cti.ucce.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.cti.ucce.protocol.AgentMessages.AgentStateEvent;
import dev.liaison.cti.ucce.protocol.AgentMessages.QueryAgentStateConf;
import dev.liaison.cti.ucce.protocol.AgentMessages.QueryAgentStateReq;
import dev.liaison.cti.ucce.protocol.AgentMessages.SetAgentStateReq;
import dev.liaison.cti.ucce.protocol.CallEventMessages.Connection;
import dev.liaison.cti.ucce.protocol.CallRequestMessages.MakeCallConf;
import dev.liaison.cti.ucce.protocol.CallRequestMessages.MakeCallReq;
import dev.liaison.cti.ucce.protocol.CallRequestMessages.SetCallDataReq;
import dev.liaison.cti.ucce.protocol.CallRequestMessages.SnapshotCallConf;
import dev.liaison.cti.ucce.protocol.CallRequestMessages.SnapshotCallReq;
import dev.liaison.cti.ucce.protocol.SessionMessages.OpenConf;
import dev.liaison.cti.ucce.protocol.SessionMessages.OpenReq;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every layout reads back what it wrote, field for field; the fixed parts line up with the floating parts. */
class MessageRoundTripTest {

    private static final Connection CONN = new Connection(5000, 0xFFFF_FFF0L, "trunk-1");
    private static final CallData DATA = new CallData(
            "+491",
            "800",
            "800",
            "12",
            150_000L,
            4_000_000_000L,
            Map.of(1, "c", 10, "ten"),
            Map.of("v", "w"),
            Map.of("arr[255]", "x"));

    @Test
    void sessionMessages() throws Exception {
        OpenReq open = new OpenReq(1, 13, 20, 5000, 0x16, 0x21, 0x7ff, 0, "id", "pw", "ext", "agent", "instr");
        assertThat(OpenReq.decode(open.encode())).isEqualTo(open);
        OpenConf conf = new OpenConf(1, 0x16, 2, 0, 1_700_000_000L, true, 17, 3);
        assertThat(OpenConf.decode(conf.encode())).isEqualTo(conf);
        var failure = new SessionMessages.FailureConf(9, 7);
        assertThat(SessionMessages.FailureConf.decode(failure.encode())).isEqualTo(failure);
        var close = new SessionMessages.CloseReq(3, 0);
        assertThat(SessionMessages.CloseReq.decode(close.encode())).isEqualTo(close);
    }

    @Test
    void callEvents() throws Exception {
        var delivered = new CallEventMessages.CallDelivered(CONN, 3, "2001", "+491", "800", DATA);
        assertThat(CallEventMessages.CallDelivered.decode(delivered.encode())).isEqualTo(delivered);
        var established = new CallEventMessages.CallEstablished(CONN, "2001");
        assertThat(CallEventMessages.CallEstablished.decode(established.encode()))
                .isEqualTo(established);
        var held = new CallEventMessages.CallHeld(CONN, "2001");
        assertThat(CallEventMessages.CallHeld.decode(held.encode())).isEqualTo(held);
        var retrieved = new CallEventMessages.CallRetrieved(CONN, "2001");
        assertThat(CallEventMessages.CallRetrieved.decode(retrieved.encode())).isEqualTo(retrieved);
        var cleared = new CallEventMessages.CallCleared(CONN, 32);
        assertThat(CallEventMessages.CallCleared.decode(cleared.encode())).isEqualTo(cleared);
        for (boolean queued : new boolean[] {true, false}) {
            var q = new CallEventMessages.CallQueue(queued, CONN, 4, "q");
            assertThat(CallEventMessages.CallQueue.decode(q.encode())).isEqualTo(q);
        }
        var transferred = new CallEventMessages.CallTransferred(5000, 1, "a", 2, "b", "c", "d");
        assertThat(CallEventMessages.CallTransferred.decode(transferred.encode()))
                .isEqualTo(transferred);
        var begin = new CallEventMessages.BeginCall(CONN, DATA);
        assertThat(CallEventMessages.BeginCall.decode(begin.encode())).isEqualTo(begin);
        var end = new CallEventMessages.EndCall(CONN);
        assertThat(CallEventMessages.EndCall.decode(end.encode())).isEqualTo(end);
        var update = new CallEventMessages.CallDataUpdate(CONN, DATA);
        assertThat(CallEventMessages.CallDataUpdate.decode(update.encode())).isEqualTo(update);
    }

    @Test
    void agentAndCallRequests() throws Exception {
        var agent = new AgentStateEvent(5000, AgentMessages.TALKING, 4, "1001", "2001", "2001");
        assertThat(AgentStateEvent.decode(agent.encode())).isEqualTo(agent);
        var set = new SetAgentStateReq(1, 5000, AgentMessages.AVAILABLE, 0, "2001", "1001", "pw");
        assertThat(SetAgentStateReq.decode(set.encode())).isEqualTo(set);
        var query = new QueryAgentStateReq(2, 5000, "2001", "1001");
        assertThat(QueryAgentStateReq.decode(query.encode())).isEqualTo(query);
        var queryConf = new QueryAgentStateConf(2, AgentMessages.HOLD, "1001", "2001");
        assertThat(QueryAgentStateConf.decode(queryConf.encode())).isEqualTo(queryConf);
        var setData = new SetCallDataReq(3, 5000, 77, "trunk-1", DATA);
        assertThat(SetCallDataReq.decode(setData.encode())).isEqualTo(setData);
        CallData contextOnly = new CallData(
                null, null, null, null, null, null, DATA.callVariables(), DATA.namedVariables(), DATA.namedArrays());
        var make = new MakeCallReq(4, 5000, "2001", "+4930", contextOnly);
        assertThat(MakeCallReq.decode(make.encode())).isEqualTo(make);
        var makeConf = new MakeCallConf(4, 88, "2001");
        assertThat(MakeCallConf.decode(makeConf.encode())).isEqualTo(makeConf);
        for (int type : new int[] {
            MessageType.ANSWER_CALL_REQ,
            MessageType.CLEAR_CONNECTION_REQ,
            MessageType.HOLD_CALL_REQ,
            MessageType.RETRIEVE_CALL_REQ
        }) {
            var req = new CallRequestMessages.ConnectionReq(type, 6, 5000, 77, "trunk-1", "2001");
            assertThat(CallRequestMessages.ConnectionReq.decode(req.encode())).isEqualTo(req);
        }
        var snap = new SnapshotCallReq(5, 5000, 77, "trunk-1");
        assertThat(SnapshotCallReq.decode(snap.encode())).isEqualTo(snap);
        var snapConf = new SnapshotCallConf(5, CallEventMessages.LCS_HOLD, DATA);
        assertThat(SnapshotCallConf.decode(snapConf.encode())).isEqualTo(snapConf);
    }
}
