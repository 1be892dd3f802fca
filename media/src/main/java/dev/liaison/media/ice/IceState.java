package dev.liaison.media.ice;

/** The ICE-lite agent's state; transitions only in {@link IceLiteAgent}. */
public enum IceState {
    /** Waiting for the first valid check. */
    WAITING,
    /** A valid check arrived, no pair nominated yet. */
    CHECKING,
    /** The controlling agent nominated a pair (USE-CANDIDATE): media flows from that address. */
    CONNECTED,
    /** No valid check for the consent timeout (RFC 7675): the session must end. */
    CONSENT_EXPIRED,
    /** Closed by the owner. */
    CLOSED
}
