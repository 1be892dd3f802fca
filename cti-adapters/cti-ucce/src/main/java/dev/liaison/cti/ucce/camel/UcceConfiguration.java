package dev.liaison.cti.ucce.camel;

import dev.liaison.cti.ucce.protocol.Masks;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/** The options of one {@code ucce:} endpoint (one CTI Server link). Each endpoint has its own copy. */
@UriParams
public class UcceConfiguration implements Cloneable {

    /** The link's name: tags its metrics, names its health check and threads, marks its events. */
    @UriPath
    @Metadata(required = true)
    private String link;

    /** Side A of the CTI Server as host:port (the port is the PG's CTI Server port, often 42027). */
    @UriParam
    @Metadata(required = true)
    private String sideA;

    /** Side B as host:port for a duplexed PG; the link alternates sides when one fails. Empty for simplex. */
    @UriParam
    private String sideB;

    /** The PeripheralID of the ACD whose events are wanted (OPEN_REQ). 0xFFFFFFFF = NULL_PERIPHERAL_ID. */
    @UriParam(defaultValue = "4294967295")
    private long peripheralId = 0xFFFF_FFFFL;

    /** OPEN_REQ ClientID. */
    @UriParam(defaultValue = "liaison")
    private String clientId = "liaison";

    /** OPEN_REQ ClientPassword (sent even when empty, as the protocol requires). */
    @UriParam(label = "security", secret = true)
    private String clientPassword = "";

    /** OPEN_REQ VersionNumber: the protocol version whose message layouts the CTI Server must use. */
    @UriParam(defaultValue = "13")
    private long protocolVersion = 13;

    /** OPEN_REQ ServicesRequested (CTI service masks). Default: all events, call data update, client control. */
    @UriParam(label = "advanced", defaultValue = "22")
    private long services = Masks.DEFAULT_SERVICES;

    /** Services OPEN_CONF must grant or the link refuses the session and retries. Default: all events. */
    @UriParam(label = "advanced", defaultValue = "16")
    private long requiredServices = Masks.SERVICE_ALL_EVENTS;

    /** OPEN_REQ CallMsgMask. Default: every call event the adapter decodes. */
    @UriParam(label = "advanced", defaultValue = "320063")
    private long callMsgMask = Masks.DEFAULT_CALL_EVENTS;

    /** OPEN_REQ AgentStateMask. Default: every agent state. */
    @UriParam(label = "advanced", defaultValue = "2047")
    private long agentStateMask = Masks.DEFAULT_AGENT_STATES;

    /** Milliseconds between HEARTBEAT_REQs; OPEN_REQ's IdleTimeout is four times this. */
    @UriParam(defaultValue = "5000")
    private long heartbeatInterval = 5000;

    /** Milliseconds a HEARTBEAT_CONF may take before the link is declared dead and reset. */
    @UriParam(defaultValue = "3000")
    private long heartbeatTimeout = 3000;

    /** Milliseconds a request (SET_CALL_DATA_REQ, SET_AGENT_STATE_REQ, ...) may wait for its confirmation. */
    @UriParam(defaultValue = "5000")
    private long requestTimeout = 5000;

    /** Milliseconds to establish the TCP connection to a side. */
    @UriParam(defaultValue = "3000")
    private long connectTimeout = 3000;

    /** Milliseconds OPEN_CONF may take after OPEN_REQ. */
    @UriParam(defaultValue = "5000")
    private long openTimeout = 5000;

    /** Milliseconds before the first reconnect attempt; doubled per failed attempt. */
    @UriParam(defaultValue = "500")
    private long reconnectInitialDelay = 500;

    /** Upper bound of the reconnect delay in milliseconds. */
    @UriParam(defaultValue = "30000")
    private long reconnectMaxDelay = 30000;

    /** Largest message body accepted (MessageLength); larger frames are counted as malformed and reset the link. */
    @UriParam(label = "advanced", defaultValue = "16384")
    private int maxMessageBytes = 16384;

    /** Events queued between the reader and the routes; when full, reading pauses (TCP pushes back). */
    @UriParam(label = "advanced", defaultValue = "10000")
    private int maxQueuedEvents = 10000;

    /**
     * The screen-pop mapping, {@code contextKey=field} pairs separated by commas, in priority order. Fields:
     * CallVariable1..10, ECC:name, ECC:name[i]. The key named by {@code correlationKey} should be mapped: that field is
     * read back from call data to correlate calls with Liaison's contacts.
     */
    @UriParam(defaultValue = "correlationId=CallVariable1")
    private String screenPop = "correlationId=CallVariable1";

    /** What to do when context does not fit the UCCE fields: REJECT the whole SET_CALL_DATA or TRUNCATE and report. */
    @UriParam(defaultValue = "REJECT", enums = "REJECT,TRUNCATE")
    private String overflowPolicy = "REJECT";

    /** The context key that holds Liaison's correlation ID. */
    @UriParam(defaultValue = "correlationId")
    private String correlationKey = "correlationId";

    /** Most live calls tracked per link (oldest forgotten beyond it). */
    @UriParam(label = "advanced", defaultValue = "10000")
    private int maxTrackedCalls = 10000;

    /** Most agents tracked per link. */
    @UriParam(label = "advanced", defaultValue = "10000")
    private int maxTrackedAgents = 10000;

    /** Agents to resync after every reconnect even before an event about them arrived: agentId@instrument, comma separated. */
    @UriParam
    private String agents;

    public UcceConfiguration copy() {
        try {
            return (UcceConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getLink() {
        return link;
    }

    public void setLink(String link) {
        this.link = link;
    }

    public String getSideA() {
        return sideA;
    }

    public void setSideA(String sideA) {
        this.sideA = sideA;
    }

    public String getSideB() {
        return sideB;
    }

    public void setSideB(String sideB) {
        this.sideB = sideB;
    }

    public long getPeripheralId() {
        return peripheralId;
    }

    public void setPeripheralId(long peripheralId) {
        this.peripheralId = peripheralId;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientPassword() {
        return clientPassword;
    }

    public void setClientPassword(String clientPassword) {
        this.clientPassword = clientPassword;
    }

    public long getProtocolVersion() {
        return protocolVersion;
    }

    public void setProtocolVersion(long protocolVersion) {
        this.protocolVersion = protocolVersion;
    }

    public long getServices() {
        return services;
    }

    public void setServices(long services) {
        this.services = services;
    }

    public long getRequiredServices() {
        return requiredServices;
    }

    public void setRequiredServices(long requiredServices) {
        this.requiredServices = requiredServices;
    }

    public long getCallMsgMask() {
        return callMsgMask;
    }

    public void setCallMsgMask(long callMsgMask) {
        this.callMsgMask = callMsgMask;
    }

    public long getAgentStateMask() {
        return agentStateMask;
    }

    public void setAgentStateMask(long agentStateMask) {
        this.agentStateMask = agentStateMask;
    }

    public long getHeartbeatInterval() {
        return heartbeatInterval;
    }

    public void setHeartbeatInterval(long heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    public long getHeartbeatTimeout() {
        return heartbeatTimeout;
    }

    public void setHeartbeatTimeout(long heartbeatTimeout) {
        this.heartbeatTimeout = heartbeatTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getOpenTimeout() {
        return openTimeout;
    }

    public void setOpenTimeout(long openTimeout) {
        this.openTimeout = openTimeout;
    }

    public long getReconnectInitialDelay() {
        return reconnectInitialDelay;
    }

    public void setReconnectInitialDelay(long reconnectInitialDelay) {
        this.reconnectInitialDelay = reconnectInitialDelay;
    }

    public long getReconnectMaxDelay() {
        return reconnectMaxDelay;
    }

    public void setReconnectMaxDelay(long reconnectMaxDelay) {
        this.reconnectMaxDelay = reconnectMaxDelay;
    }

    public int getMaxMessageBytes() {
        return maxMessageBytes;
    }

    public void setMaxMessageBytes(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    public int getMaxQueuedEvents() {
        return maxQueuedEvents;
    }

    public void setMaxQueuedEvents(int maxQueuedEvents) {
        this.maxQueuedEvents = maxQueuedEvents;
    }

    public String getScreenPop() {
        return screenPop;
    }

    public void setScreenPop(String screenPop) {
        this.screenPop = screenPop;
    }

    public String getOverflowPolicy() {
        return overflowPolicy;
    }

    public void setOverflowPolicy(String overflowPolicy) {
        this.overflowPolicy = overflowPolicy;
    }

    public String getCorrelationKey() {
        return correlationKey;
    }

    public void setCorrelationKey(String correlationKey) {
        this.correlationKey = correlationKey;
    }

    public int getMaxTrackedCalls() {
        return maxTrackedCalls;
    }

    public void setMaxTrackedCalls(int maxTrackedCalls) {
        this.maxTrackedCalls = maxTrackedCalls;
    }

    public int getMaxTrackedAgents() {
        return maxTrackedAgents;
    }

    public void setMaxTrackedAgents(int maxTrackedAgents) {
        this.maxTrackedAgents = maxTrackedAgents;
    }

    public String getAgents() {
        return agents;
    }

    public void setAgents(String agents) {
        this.agents = agents;
    }
}
