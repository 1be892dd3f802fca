package dev.liaison.cti.ucce.protocol;

/**
 * OPEN_REQ masks from the guide's session chapter: CTI service masks (Table 4-1), unsolicited call event message masks
 * (Table 4-3) and agent state masks.
 */
public final class Masks {

    // CTI service masks
    public static final long SERVICE_CLIENT_EVENTS = 0x0000_0001L;
    public static final long SERVICE_CALL_DATA_UPDATE = 0x0000_0002L;
    public static final long SERVICE_CLIENT_CONTROL = 0x0000_0004L;
    public static final long SERVICE_CONNECTION_MONITOR = 0x0000_0008L;
    public static final long SERVICE_ALL_EVENTS = 0x0000_0010L;
    public static final long SERVICE_PERIPHERAL_MONITOR = 0x0000_0020L;
    public static final long SERVICE_IGNORE_DUPLICATE_AGENT_EVENTS = 0x0010_0000L;

    // Unsolicited call event masks
    public static final long CALL_DELIVERED = 0x0000_0001L;
    public static final long CALL_QUEUED = 0x0000_0002L;
    public static final long CALL_ESTABLISHED = 0x0000_0004L;
    public static final long CALL_HELD = 0x0000_0008L;
    public static final long CALL_RETRIEVED = 0x0000_0010L;
    public static final long CALL_CLEARED = 0x0000_0020L;
    public static final long CALL_CONNECTION_CLEARED = 0x0000_0040L;
    public static final long CALL_ORIGINATED = 0x0000_0080L;
    public static final long CALL_CONFERENCED = 0x0000_0100L;
    public static final long CALL_TRANSFERRED = 0x0000_0200L;
    public static final long BEGIN_CALL = 0x0000_2000L;
    public static final long END_CALL = 0x0000_4000L;
    public static final long CALL_DATA_UPDATE = 0x0000_8000L;
    public static final long CALL_DEQUEUED = 0x0004_0000L;

    // Agent state masks
    public static final long AGENT_LOGIN = 0x0000_0001L;
    public static final long AGENT_LOGOUT = 0x0000_0002L;
    public static final long AGENT_NOT_READY = 0x0000_0004L;
    public static final long AGENT_AVAILABLE = 0x0000_0008L;
    public static final long AGENT_TALKING = 0x0000_0010L;
    public static final long AGENT_WORK_NOT_READY = 0x0000_0020L;
    public static final long AGENT_WORK_READY = 0x0000_0040L;
    public static final long AGENT_BUSY_OTHER = 0x0000_0080L;
    public static final long AGENT_RESERVED = 0x0000_0100L;
    public static final long AGENT_UNKNOWN = 0x0000_0200L;
    public static final long AGENT_HOLD = 0x0000_0400L;

    /** The services this adapter asks for: all call and agent events, call data update, call and agent control. */
    public static final long DEFAULT_SERVICES = SERVICE_ALL_EVENTS | SERVICE_CALL_DATA_UPDATE | SERVICE_CLIENT_CONTROL;

    /** Every call event the adapter decodes. */
    public static final long DEFAULT_CALL_EVENTS = CALL_DELIVERED
            | CALL_QUEUED
            | CALL_ESTABLISHED
            | CALL_HELD
            | CALL_RETRIEVED
            | CALL_CLEARED
            | CALL_TRANSFERRED
            | BEGIN_CALL
            | END_CALL
            | CALL_DATA_UPDATE
            | CALL_DEQUEUED;

    /** Every agent state. */
    public static final long DEFAULT_AGENT_STATES = 0x0000_07FFL;

    private Masks() {}
}
