package dev.liaison.cti.api.screenpop;

/** What to do with a value that does not fit its field. Either way every violation is reported. */
public enum OverflowPolicy {
    /** Fail the whole mapping with {@link ScreenPopLimitException}: nothing is sent. */
    REJECT,
    /** Cut the value at the limit (on a character boundary) or drop what does not fit the pool, and report it. */
    TRUNCATE
}
