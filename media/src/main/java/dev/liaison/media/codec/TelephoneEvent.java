package dev.liaison.media.codec;

/**
 * An RFC 4733 telephone-event payload.
 *
 * @param event 0-9 digits, 10 '*', 11 '#', 12-15 A-D, other named events up to 255
 * @param end the E bit: the last packets of an event
 * @param volume 0 to 63 (-dBm0)
 * @param duration in timestamp units of the payload's clock, since the event's timestamp
 */
public record TelephoneEvent(int event, boolean end, int volume, int duration) {
    public static final int LENGTH = 4;

    public TelephoneEvent {
        if (event < 0 || event > 255 || volume < 0 || volume > 63 || duration < 0 || duration > 0xFFFF) {
            throw new IllegalArgumentException("telephone-event field out of range");
        }
    }

    public static TelephoneEvent decode(byte[] payload) {
        if (payload.length < LENGTH) {
            throw new IllegalArgumentException("telephone-event payload is " + payload.length + " bytes");
        }
        return new TelephoneEvent(
                payload[0] & 0xFF,
                (payload[1] & 0x80) != 0,
                payload[1] & 0x3F,
                ((payload[2] & 0xFF) << 8) | (payload[3] & 0xFF));
    }

    public byte[] encode() {
        return new byte[] {(byte) event, (byte) ((end ? 0x80 : 0) | volume), (byte) (duration >> 8), (byte) duration};
    }

    /** The event code of a DTMF key: 0-9, *, #, A-D. */
    public static int forDigit(char digit) {
        return switch (Character.toUpperCase(digit)) {
            case '*' -> 10;
            case '#' -> 11;
            case 'A', 'B', 'C', 'D' -> 12 + Character.toUpperCase(digit) - 'A';
            default -> {
                if (digit >= '0' && digit <= '9') {
                    yield digit - '0';
                }
                throw new IllegalArgumentException("not a DTMF digit: " + digit);
            }
        };
    }
}
