package dev.liaison.media.benchmark;

/**
 * A media relay the benchmark loads: it answers each phone with its own SDP and relays between them. Each runs in its
 * own process, so that process's CPU time is the relay's cost alone (the phones run in the benchmark's JVM).
 */
interface RelayUnderTest extends AutoCloseable {

    /** A short name for the report. */
    String name();

    /** Whether this relay can bridge the phones of {@code mode}. */
    boolean supports(RelayMode mode);

    /** Side A's offer: returns the relay's offer for side B. */
    String offer(String callId, String sdpFromA, RelayMode mode) throws Exception;

    /** Side B's answer to the relay's offer: returns the relay's answer for side A. */
    String answer(String callId, String sdpFromB) throws Exception;

    /** Ends the call and releases its ports. */
    void hangUp(String callId) throws Exception;

    /** The relay's process, whose CPU time is measured. */
    ProcessHandle process();

    /** Stops the relay's process. */
    @Override
    void close();
}
