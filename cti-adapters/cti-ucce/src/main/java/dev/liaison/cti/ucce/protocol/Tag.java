package dev.liaison.cti.ucce.protocol;

/**
 * Floating-field tags (the guide's "Tag Values" table in the constants chapter) of the fields this adapter reads or
 * writes. On the wire a floating field is one UCHAR tag, one UCHAR length, then that many data bytes.
 */
public final class Tag {

    public static final int CLIENT_ID = 1;
    public static final int CLIENT_PASSWORD = 2;
    public static final int CLIENT_SIGNATURE = 3;
    public static final int AGENT_EXTENSION = 4;
    public static final int AGENT_ID = 5;
    public static final int AGENT_INSTRUMENT = 6;
    public static final int TEXT = 7;
    public static final int ANI = 8;
    public static final int UUI = 9;
    public static final int DNIS = 10;
    public static final int DIALED_NUMBER = 11;
    public static final int CED = 12;
    /** CALL_VAR_1_TAG; CallVariableN is {@code CALL_VAR_1 + N - 1} up to CallVariable10. */
    public static final int CALL_VAR_1 = 13;

    public static final int CONNECTION_DEVID = 25;
    public static final int ALERTING_DEVID = 26;
    public static final int CALLING_DEVID = 27;
    public static final int CALLED_DEVID = 28;
    public static final int ANSWERING_DEVID = 30;
    public static final int HOLDING_DEVID = 31;
    public static final int RETRIEVING_DEVID = 32;
    public static final int PRIMARY_DEVID = 35;
    public static final int SECONDARY_DEVID = 36;
    public static final int TRANSFERRING_DEVID = 42;
    public static final int TRANSFERRED_DEVID = 43;
    public static final int QUEUE_DEVID = 45;
    public static final int CALL_WRAPUP_DATA = 46;
    public static final int NEW_CONNECTION_DEVID = 47;
    public static final int AGENT_PASSWORD = 49;
    public static final int ROUTER_CALL_KEY_DAY = 72;
    public static final int ROUTER_CALL_KEY_CALLID = 73;
    public static final int NAMED_VARIABLE = 82;
    public static final int NAMED_ARRAY = 83;

    private Tag() {}

    public static int callVariable(int index) {
        if (index < 1 || index > 10) {
            throw new IllegalArgumentException("CallVariable index is 1..10");
        }
        return CALL_VAR_1 + index - 1;
    }
}
