package dev.liaison.media.bridge;

/**
 * One DTMF key detected in RFC 4733 telephone-events: one event (one RTP timestamp) of the sender.
 *
 * @param digit 0-9, *, #, A-D
 * @param durationMillis how long the key was held, from the longest duration field seen (in the event's clock)
 * @param volume the power level of the tone, 0 to 63 (-dBm0), from the last packet seen
 * @param endSeen whether an end packet (E bit) arrived; false when the end packets were lost and the key was reported
 *     when the next event started or after {@link TelephoneEventDetector#LOST_END_TIMEOUT_MILLIS}
 */
public record ReceivedDtmf(char digit, int durationMillis, int volume, boolean endSeen) {

    private static final String DIGITS = "0123456789*#ABCD";

    /** The key of a DTMF event code (0 to 15). */
    static char digitOf(int event) {
        return DIGITS.charAt(event);
    }

    /** Whether an event code is a DTMF key (RFC 4733 3.2: 0-15); other named events are not reported. */
    static boolean isDigit(int event) {
        return event >= 0 && event < DIGITS.length();
    }
}
