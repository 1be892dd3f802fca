package dev.liaison.media.ice;

/** What the agent did with one binding request; the label of the checks counter. */
public enum CheckOutcome {
    /** A valid check: answered with a success response. */
    SUCCESS,
    /** A valid check with USE-CANDIDATE: answered, and the source is now the session's address. */
    NOMINATED,
    /** Malformed or missing attributes: 400. */
    BAD_REQUEST,
    /** Wrong credentials or no MESSAGE-INTEGRITY: 401. */
    UNAUTHENTICATED,
    /** The peer also claims the controlled role: 487. */
    ROLE_CONFLICT,
    /** Comprehension-required attributes we do not know: 420. */
    UNKNOWN_ATTRIBUTE,
    /** Bad FINGERPRINT, not a request, or the session is over: dropped without an answer. */
    DISCARDED
}
