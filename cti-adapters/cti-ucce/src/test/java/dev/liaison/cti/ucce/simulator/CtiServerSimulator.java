package dev.liaison.cti.ucce.simulator;

import dev.liaison.cti.ucce.protocol.AgentMessages;
import dev.liaison.cti.ucce.protocol.AgentMessages.AgentStateEvent;
import dev.liaison.cti.ucce.protocol.AgentMessages.QueryAgentStateConf;
import dev.liaison.cti.ucce.protocol.AgentMessages.QueryAgentStateReq;
import dev.liaison.cti.ucce.protocol.AgentMessages.SetAgentStateReq;
import dev.liaison.cti.ucce.protocol.CallData;
import dev.liaison.cti.ucce.protocol.CallEventMessages;
import dev.liaison.cti.ucce.protocol.CallEventMessages.Connection;
import dev.liaison.cti.ucce.protocol.CallRequestMessages.ConnectionReq;
import dev.liaison.cti.ucce.protocol.CallRequestMessages.MakeCallConf;
import dev.liaison.cti.ucce.protocol.CallRequestMessages.MakeCallReq;
import dev.liaison.cti.ucce.protocol.CallRequestMessages.SetCallDataReq;
import dev.liaison.cti.ucce.protocol.CallRequestMessages.SnapshotCallConf;
import dev.liaison.cti.ucce.protocol.CallRequestMessages.SnapshotCallReq;
import dev.liaison.cti.ucce.protocol.CtiMessage;
import dev.liaison.cti.ucce.protocol.CtiProtocolException;
import dev.liaison.cti.ucce.protocol.FrameCodec;
import dev.liaison.cti.ucce.protocol.MessageType;
import dev.liaison.cti.ucce.protocol.SessionMessages;
import dev.liaison.cti.ucce.protocol.SessionMessages.FailureConf;
import dev.liaison.cti.ucce.protocol.SessionMessages.OpenConf;
import dev.liaison.cti.ucce.protocol.SessionMessages.OpenReq;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CTI Server (one side of a peripheral gateway) built from the public "CTI Server Message Reference Guide", on a
 * real loopback TCP socket, for the adapter's tests. It speaks the wire protocol through the same message layouts as
 * the adapter (package {@code protocol}); the hand-assembled byte tests there pin those layouts to the guide.
 *
 * <p>It accepts one client session at a time (a new connection replaces the old one), answers OPEN_REQ after checking
 * the requested service and event masks, answers heartbeats (or stops answering on request), keeps a small model of
 * calls and agents that scripted steps change, sends the matching events while a client is connected (events that
 * happen while none is are lost, as on a real link, which is what resync must repair), answers SET_CALL_DATA_REQ,
 * SET_AGENT_STATE_REQ, MAKE_CALL_REQ, ANSWER_CALL_REQ, CLEAR_CONNECTION_REQ, HOLD_CALL_REQ, RETRIEVE_CALL_REQ,
 * QUERY_AGENT_STATE_REQ and SNAPSHOT_CALL_REQ from that model and records what it
 * was asked, can drop the link, go idle like a standby side, send raw bytes (malformed frames), and be side A or B.
 */
public final class CtiServerSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CtiServerSimulator.class);

    /** A call in the model: its local connection state at the agent's device and its call data. */
    public record SimCall(long callId, String deviceId, String agentDevice, int lcs, CallData data) {}

    /** Status code used in FAILURE_CONF for refused requests (the guide's E_CTI_* codes; 7 is used for all here). */
    public static final long REFUSED = 7;

    private final String name;
    private final long peripheralId;
    private final FrameCodec codec = new FrameCodec(1 << 16);
    private final Map<Long, SimCall> calls = new ConcurrentHashMap<>();
    private final Map<String, int[]> agentStates = new ConcurrentHashMap<>();
    private final Map<String, String> agentInstruments = new ConcurrentHashMap<>();
    private final List<OpenReq> opens = new CopyOnWriteArrayList<>();
    private final List<SetCallDataReq> callDataRequests = new CopyOnWriteArrayList<>();
    private final List<SetAgentStateReq> agentStateRequests = new CopyOnWriteArrayList<>();
    private final List<MakeCallReq> makeCallRequests = new CopyOnWriteArrayList<>();
    private final List<ConnectionReq> connectionRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger heartbeats = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong nextCallId = new AtomicLong(9000);

    private volatile ServerSocket server;
    private volatile Socket client;
    private volatile OutputStream out;
    private volatile boolean sessionOpen;
    private volatile int port;
    private volatile long servicesGranted = -1;
    private volatile long requiredCallMask;
    private volatile boolean answerHeartbeats = true;
    private volatile boolean answerRequests = true;
    private volatile boolean refuseRequests;
    private Thread acceptThread;

    public CtiServerSimulator(String name, long peripheralId) {
        this.name = name;
        this.peripheralId = peripheralId;
    }

    /** Listens on a free loopback port. */
    public CtiServerSimulator start() throws IOException {
        bind(0);
        return this;
    }

    private synchronized void bind(int requestedPort) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort));
        server = s;
        port = s.getLocalPort();
        acceptThread = new Thread(() -> acceptLoop(s), "cti-sim-" + name + "-accept");
        acceptThread.setDaemon(true);
        acceptThread.start();
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    // ---- configuration -------------------------------------------------------------------------------------------

    /** Services OPEN_CONF grants; default: whatever was requested. */
    public void grantServices(long mask) {
        servicesGranted = mask;
    }

    /** OPEN_REQs whose CallMsgMask lacks these bits are refused with FAILURE_CONF. */
    public void requireCallMask(long mask) {
        requiredCallMask = mask;
    }

    public void stopAnsweringHeartbeats() {
        answerHeartbeats = false;
    }

    public void answerHeartbeats() {
        answerHeartbeats = true;
    }

    /** Requests (other than heartbeats) get no answer at all while false. */
    public void answerRequests(boolean answer) {
        answerRequests = answer;
    }

    /** Requests are answered with FAILURE_CONF status {@link #REFUSED} while true. */
    public void refuseRequests(boolean refuse) {
        refuseRequests = refuse;
    }

    // ---- what was asked ------------------------------------------------------------------------------------------

    public List<OpenReq> opens() {
        return List.copyOf(opens);
    }

    public List<SetCallDataReq> callDataRequests() {
        return List.copyOf(callDataRequests);
    }

    public List<SetAgentStateReq> agentStateRequests() {
        return List.copyOf(agentStateRequests);
    }

    public List<MakeCallReq> makeCallRequests() {
        return List.copyOf(makeCallRequests);
    }

    /** ANSWER_CALL_REQ, CLEAR_CONNECTION_REQ, HOLD_CALL_REQ and RETRIEVE_CALL_REQ received, in order. */
    public List<ConnectionReq> connectionRequests() {
        return List.copyOf(connectionRequests);
    }

    public int heartbeats() {
        return heartbeats.get();
    }

    public int connections() {
        return connections.get();
    }

    public boolean sessionOpen() {
        return sessionOpen;
    }

    public SimCall call(long callId) {
        return calls.get(callId);
    }

    // ---- link control --------------------------------------------------------------------------------------------

    /** Closes the client's connection (the client is expected to reconnect). */
    public void dropLink() {
        Socket c = client;
        sessionOpen = false;
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                log.debug("drop: {}", e.toString());
            }
        }
    }

    /** Stops listening and drops the client, like a side that went down or to standby. */
    public synchronized void goIdle() throws IOException {
        ServerSocket s = server;
        server = null;
        if (s != null) {
            s.close();
        }
        dropLink();
        if (acceptThread != null) {
            try {
                acceptThread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Listens again on the same port. */
    public void goActive() throws IOException {
        bind(port);
    }

    /** Sends raw bytes on the current connection (for malformed and truncated frames). */
    public void sendRaw(byte[] bytes) throws IOException {
        OutputStream o = out;
        if (o == null) {
            throw new IOException("no client connected to " + name);
        }
        synchronized (o) {
            o.write(bytes);
            o.flush();
        }
    }

    /** Sends a message when a session is open; returns false (the event is lost) otherwise. */
    public boolean send(CtiMessage message) {
        OutputStream o = out;
        if (o == null || !sessionOpen) {
            return false;
        }
        try {
            synchronized (o) {
                FrameCodec.write(o, message);
            }
            return true;
        } catch (IOException e) {
            log.debug("send {} failed: {}", message, e.toString());
            return false;
        }
    }

    // ---- scripted call and agent steps ---------------------------------------------------------------------------

    public void agentState(String agentId, String instrument, int state, int reason) {
        agentStates.put(agentId, new int[] {state, reason});
        agentInstruments.put(agentId, instrument);
        send(new AgentStateEvent(peripheralId, state, reason, agentId, null, instrument).encode());
    }

    public void queueCall(long callId, String trunkDevice, long service, String queueDevice) {
        calls.put(callId, new SimCall(callId, trunkDevice, null, 0, CallData.EMPTY));
        send(new CallEventMessages.CallQueue(true, connection(callId, trunkDevice), service, queueDevice).encode());
    }

    public void dequeueCall(long callId, long service, String queueDevice) {
        SimCall c = calls.get(callId);
        send(new CallEventMessages.CallQueue(false, connection(callId, c.deviceId()), service, queueDevice).encode());
    }

    /** BEGIN_CALL_EVENT then CALL_DELIVERED_EVENT at the agent's device, with ANI, DNIS and the call data. */
    public void deliverCall(long callId, String deviceId, String agentDevice, CallData data) {
        calls.put(callId, new SimCall(callId, deviceId, agentDevice, CallEventMessages.LCS_ALERTING, data));
        send(new CallEventMessages.BeginCall(connection(callId, deviceId), data).encode());
        send(new CallEventMessages.CallDelivered(
                        connection(callId, deviceId), 1, agentDevice, data.ani(), data.dnis(), data)
                .encode());
    }

    public void establish(long callId) {
        SimCall c = setLcs(callId, CallEventMessages.LCS_CONNECT);
        send(new CallEventMessages.CallEstablished(connection(callId, c.deviceId()), c.agentDevice()).encode());
    }

    public void hold(long callId) {
        SimCall c = setLcs(callId, CallEventMessages.LCS_HOLD);
        send(new CallEventMessages.CallHeld(connection(callId, c.deviceId()), c.agentDevice()).encode());
    }

    public void retrieve(long callId) {
        SimCall c = setLcs(callId, CallEventMessages.LCS_CONNECT);
        send(new CallEventMessages.CallRetrieved(connection(callId, c.deviceId()), c.agentDevice()).encode());
    }

    /** The call is transferred: it continues as {@code newCallId} at {@code target}. */
    public void transfer(long callId, long newCallId, String target) {
        SimCall c = calls.remove(callId);
        calls.put(newCallId, new SimCall(newCallId, target, target, CallEventMessages.LCS_ALERTING, c.data()));
        send(new CallEventMessages.CallTransferred(
                        peripheralId, callId, c.deviceId(), newCallId, target, c.agentDevice(), target)
                .encode());
    }

    /** CALL_CLEARED_EVENT (cause {@code cec}) then END_CALL_EVENT; the call leaves the model. */
    public void clear(long callId, int cec) {
        SimCall c = calls.remove(callId);
        send(new CallEventMessages.CallCleared(connection(callId, c.deviceId()), cec).encode());
        send(new CallEventMessages.EndCall(connection(callId, c.deviceId())).encode());
    }

    /** Sends an event again unchanged, as a server might after a failover: the client must suppress it. */
    public void replayEstablished(long callId) {
        SimCall c = calls.get(callId);
        send(new CallEventMessages.CallEstablished(connection(callId, c.deviceId()), c.agentDevice()).encode());
    }

    private SimCall setLcs(long callId, int lcs) {
        SimCall c = calls.get(callId);
        SimCall updated = new SimCall(callId, c.deviceId(), c.agentDevice(), lcs, c.data());
        calls.put(callId, updated);
        return updated;
    }

    private Connection connection(long callId, String deviceId) {
        return new Connection(peripheralId, callId, deviceId);
    }

    // ---- the protocol side ---------------------------------------------------------------------------------------

    private void acceptLoop(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket c = s.accept();
                Socket previous = client;
                if (previous != null) {
                    previous.close();
                }
                connections.incrementAndGet();
                client = c;
                out = c.getOutputStream();
                sessionOpen = false;
                Thread reader = new Thread(() -> serve(c), "cti-sim-" + name + "-conn");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                if (!s.isClosed()) {
                    log.debug("accept: {}", e.toString());
                }
            }
        }
    }

    private void serve(Socket c) {
        try (c) {
            InputStream in = new BufferedInputStream(c.getInputStream());
            while (true) {
                CtiMessage m = codec.read(in);
                if (m == null) {
                    return;
                }
                handle(m);
            }
        } catch (IOException | CtiProtocolException e) {
            log.debug("simulator {} connection ended: {}", name, e.toString());
        } finally {
            if (client == c) {
                sessionOpen = false;
                out = null;
            }
        }
    }

    private void handle(CtiMessage m) throws CtiProtocolException, IOException {
        switch (m.type()) {
            case MessageType.OPEN_REQ -> open(OpenReq.decode(m));
            case MessageType.HEARTBEAT_REQ -> {
                heartbeats.incrementAndGet();
                if (answerHeartbeats) {
                    reply(SessionMessages.heartbeat(MessageType.HEARTBEAT_CONF, SessionMessages.invokeId(m)));
                }
            }
            case MessageType.CLOSE_REQ -> {
                reply(SessionMessages.invokeConf(MessageType.CLOSE_CONF, SessionMessages.invokeId(m)));
                sessionOpen = false;
            }
            case MessageType.SET_CALL_DATA_REQ -> setCallData(SetCallDataReq.decode(m));
            case MessageType.SET_AGENT_STATE_REQ -> setAgentState(SetAgentStateReq.decode(m));
            case MessageType.MAKE_CALL_REQ -> makeCall(MakeCallReq.decode(m));
            case MessageType.QUERY_AGENT_STATE_REQ -> queryAgent(QueryAgentStateReq.decode(m));
            case MessageType.SNAPSHOT_CALL_REQ -> snapshot(SnapshotCallReq.decode(m));
            case MessageType.ANSWER_CALL_REQ,
                    MessageType.CLEAR_CONNECTION_REQ,
                    MessageType.HOLD_CALL_REQ,
                    MessageType.RETRIEVE_CALL_REQ -> connectionRequest(ConnectionReq.decode(m));
            default -> reply(new FailureConf(SessionMessages.invokeId(m), REFUSED).encode());
        }
    }

    private void open(OpenReq req) throws IOException {
        opens.add(req);
        if ((req.callMsgMask() & requiredCallMask) != requiredCallMask) {
            reply(new FailureConf(req.invokeId(), REFUSED).encode());
            return;
        }
        long granted = servicesGranted < 0 ? req.services() : servicesGranted & req.services();
        reply(new OpenConf(req.invokeId(), granted, 1, 0, System.currentTimeMillis() / 1000, true, 1, 0xffff).encode());
        sessionOpen = true;
    }

    private boolean answer(long invokeId) throws IOException {
        if (!answerRequests) {
            return false;
        }
        if (refuseRequests) {
            reply(new FailureConf(invokeId, REFUSED).encode());
            return false;
        }
        return true;
    }

    private void setCallData(SetCallDataReq req) throws IOException {
        callDataRequests.add(req);
        if (!answer(req.invokeId())) {
            return;
        }
        SimCall c = calls.get(req.callId());
        if (c == null) {
            reply(new FailureConf(req.invokeId(), REFUSED).encode());
            return;
        }
        Map<Integer, String> vars = new java.util.HashMap<>(c.data().callVariables());
        vars.putAll(req.data().callVariables());
        Map<String, String> named = new java.util.LinkedHashMap<>(c.data().namedVariables());
        named.putAll(req.data().namedVariables());
        Map<String, String> arrays = new java.util.LinkedHashMap<>(c.data().namedArrays());
        arrays.putAll(req.data().namedArrays());
        CallData merged = new CallData(
                c.data().ani(),
                c.data().dnis(),
                c.data().dialedNumber(),
                c.data().callerEnteredDigits(),
                c.data().routerCallKeyDay(),
                c.data().routerCallKeyCallId(),
                vars,
                named,
                arrays);
        calls.put(c.callId(), new SimCall(c.callId(), c.deviceId(), c.agentDevice(), c.lcs(), merged));
        reply(SessionMessages.invokeConf(MessageType.SET_CALL_DATA_CONF, req.invokeId()));
        send(new CallEventMessages.CallDataUpdate(connection(c.callId(), c.deviceId()), merged).encode());
    }

    private void setAgentState(SetAgentStateReq req) throws IOException {
        agentStateRequests.add(req);
        if (!answer(req.invokeId())) {
            return;
        }
        reply(SessionMessages.invokeConf(MessageType.SET_AGENT_STATE_CONF, req.invokeId()));
        int state = req.agentState() == AgentMessages.LOGIN ? AgentMessages.NOT_READY : req.agentState();
        agentState(req.agentId(), req.instrument(), state, req.reasonCode());
    }

    private void makeCall(MakeCallReq req) throws IOException {
        makeCallRequests.add(req);
        if (!answer(req.invokeId())) {
            return;
        }
        long callId = nextCallId.incrementAndGet();
        calls.put(callId, new SimCall(callId, req.instrument(), req.instrument(), 1, req.data()));
        reply(new MakeCallConf(req.invokeId(), callId, req.instrument()).encode());
    }

    private void connectionRequest(ConnectionReq req) throws IOException {
        connectionRequests.add(req);
        if (!answer(req.invokeId())) {
            return;
        }
        if (!calls.containsKey(req.callId())) {
            reply(new FailureConf(req.invokeId(), REFUSED).encode());
            return;
        }
        reply(SessionMessages.invokeConf(req.confirmationType(), req.invokeId()));
        switch (req.type()) {
            case MessageType.ANSWER_CALL_REQ -> establish(req.callId());
            case MessageType.HOLD_CALL_REQ -> hold(req.callId());
            case MessageType.RETRIEVE_CALL_REQ -> retrieve(req.callId());
            default -> clear(req.callId(), 0xffff);
        }
    }

    private void queryAgent(QueryAgentStateReq req) throws IOException {
        int[] state = agentStates.get(req.agentId());
        if (state == null) {
            reply(new FailureConf(req.invokeId(), REFUSED).encode());
            return;
        }
        reply(new QueryAgentStateConf(req.invokeId(), state[0], req.agentId(), agentInstruments.get(req.agentId()))
                .encode());
    }

    private void snapshot(SnapshotCallReq req) throws IOException {
        SimCall c = calls.get(req.callId());
        if (c == null) {
            reply(new FailureConf(req.invokeId(), REFUSED).encode());
            return;
        }
        reply(new SnapshotCallConf(req.invokeId(), c.lcs(), c.data()).encode());
    }

    private void reply(CtiMessage m) throws IOException {
        OutputStream o = out;
        if (o == null) {
            return;
        }
        synchronized (o) {
            FrameCodec.write(o, m);
        }
    }

    @Override
    public void close() throws IOException {
        goIdle();
    }
}
