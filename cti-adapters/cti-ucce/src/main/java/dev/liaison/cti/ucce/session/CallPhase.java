package dev.liaison.cti.ucce.session;

/**
 * Where a tracked call is, and which events may move it on. An event that does not move a call forward (the same
 * phase again, or a step back) is a duplicate and is suppressed. The one place these rules live.
 */
enum CallPhase {
    NEW,
    QUEUED,
    DEQUEUED,
    ALERTING,
    CONNECTED,
    HELD,
    CLEARED;

    boolean canMoveTo(CallPhase next) {
        return switch (next) {
            case NEW -> false;
            case QUEUED -> this == NEW;
            case DEQUEUED -> this == QUEUED;
            case ALERTING -> this == NEW || this == QUEUED || this == DEQUEUED;
            case CONNECTED -> this == NEW || this == QUEUED || this == DEQUEUED || this == ALERTING || this == HELD;
            case HELD -> this == CONNECTED;
            case CLEARED -> this != CLEARED;
        };
    }

    /** The phase a SNAPSHOT_CALL_CONF LocalConnectionState says the call is in; null when it says nothing useful. */
    static CallPhase fromLocalConnectionState(int lcs) {
        return switch (lcs) {
            case 2 -> ALERTING;
            case 3 -> CONNECTED;
            case 4 -> HELD;
            default -> null;
        };
    }
}
