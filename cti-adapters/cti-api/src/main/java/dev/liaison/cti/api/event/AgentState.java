package dev.liaison.cti.api.event;

/**
 * The normalized agent states every adapter maps to and the built-in ACD uses. Vendor states with no equivalent map to
 * the nearest one (documented per adapter), {@link #UNKNOWN} only when the vendor itself does not know.
 */
public enum AgentState {
    LOGGED_OUT,
    NOT_READY,
    READY,
    RESERVED,
    TALKING,
    HOLD,
    /** After-call work (wrap-up). */
    WORK,
    UNKNOWN
}
