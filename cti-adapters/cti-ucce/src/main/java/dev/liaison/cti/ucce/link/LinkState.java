package dev.liaison.cti.ucce.link;

/**
 * The link's states. STOPPED -> CONNECTING -> OPENING (OPEN_REQ sent) -> OPEN; any failure -> BACKOFF -> CONNECTING;
 * stop() from any state -> STOPPED. Only {@link UcceLink} changes it.
 */
public enum LinkState {
    STOPPED,
    CONNECTING,
    OPENING,
    OPEN,
    BACKOFF
}
