package dev.liaison.cti.api.error;

/** What went wrong with a CTI operation or mapping; callers branch on this, never on message text. */
public enum CtiFailure {
    /** The link to the contact center is down (not connected, or lost while the request was outstanding). */
    LINK_DOWN,
    /** No confirmation arrived within the request timeout. */
    TIMEOUT,
    /** The contact center refused the request; {@link CtiException#vendorCode()} carries its status code. */
    REJECTED,
    /** The adapter or the contact center cannot do this operation. */
    UNSUPPORTED,
    /** A size or count limit was hit (screen-pop field too long, too many variables, map full). */
    LIMIT_EXCEEDED,
    /** The request itself is invalid (unknown field, missing argument). */
    INVALID,
    /** The identity is already bound differently. */
    CONFLICT
}
