package dev.liaison.media.stun;

import dev.liaison.media.stun.StunDecodeException.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes one STUN message from a datagram, checking every length against the bytes actually there. It never throws
 * anything but {@link StunDecodeException}. Integrity and fingerprint are checked separately ({@link StunIntegrity}).
 */
public final class StunDecoder {

    /** Upper bound on attributes per message: a binding request carries fewer than ten. */
    public static final int MAX_ATTRIBUTES = 64;

    private StunDecoder() {}

    /** Whether {@code data} starts like a STUN message (top two bits zero, magic cookie), without decoding it. */
    public static boolean looksLikeStun(byte[] data, int offset, int length) {
        return length >= StunMessage.HEADER_LENGTH
                && (data[offset] & 0xC0) == 0
                && readInt(data, offset + 4) == StunMessage.MAGIC_COOKIE;
    }

    public static StunMessage decode(byte[] data) throws StunDecodeException {
        return decode(data, 0, data.length);
    }

    public static StunMessage decode(byte[] data, int offset, int length) throws StunDecodeException {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new StunDecodeException(Reason.TOO_SHORT, "range outside the buffer");
        }
        if (length < StunMessage.HEADER_LENGTH) {
            throw new StunDecodeException(Reason.TOO_SHORT, "a STUN header is 20 bytes, got " + length);
        }
        byte[] raw = Arrays.copyOfRange(data, offset, offset + length);
        if ((raw[0] & 0xC0) != 0) {
            throw new StunDecodeException(Reason.NOT_STUN, "the two top bits of a STUN message are zero");
        }
        int bodyLength = readShort(raw, 2);
        if (bodyLength % 4 != 0 || StunMessage.HEADER_LENGTH + bodyLength != length) {
            throw new StunDecodeException(
                    Reason.BAD_LENGTH, "message length " + bodyLength + " does not match a datagram of " + length);
        }
        if (readInt(raw, 4) != StunMessage.MAGIC_COOKIE) {
            throw new StunDecodeException(Reason.BAD_COOKIE, "no magic cookie");
        }
        StunMessageType type = StunMessageType.decode(readShort(raw, 0));
        byte[] transactionId = Arrays.copyOfRange(raw, 8, 20);
        return new StunMessage(type, transactionId, attributes(raw), raw);
    }

    private static List<StunAttribute> attributes(byte[] raw) throws StunDecodeException {
        List<StunAttribute> attributes = new ArrayList<>();
        int position = StunMessage.HEADER_LENGTH;
        boolean afterIntegrity = false;
        boolean afterFingerprint = false;
        while (position < raw.length) {
            if (raw.length - position < 4) {
                throw new StunDecodeException(Reason.TRUNCATED_ATTRIBUTE, "attribute header truncated at " + position);
            }
            int type = readShort(raw, position);
            int valueLength = readShort(raw, position + 2);
            int padded = (valueLength + 3) & ~3;
            if (padded > raw.length - position - 4) {
                throw new StunDecodeException(
                        Reason.TRUNCATED_ATTRIBUTE,
                        String.format("attribute 0x%04x of %d bytes runs past the message", type, valueLength));
            }
            if (afterFingerprint) {
                throw new StunDecodeException(Reason.ATTRIBUTE_AFTER_FINGERPRINT, "FINGERPRINT must be last");
            }
            if (attributes.size() == MAX_ATTRIBUTES) {
                throw new StunDecodeException(
                        Reason.TOO_MANY_ATTRIBUTES, "more than " + MAX_ATTRIBUTES + " attributes");
            }
            byte[] value = Arrays.copyOfRange(raw, position + 4, position + 4 + valueLength);
            // RFC 8489 section 14.5: attributes after MESSAGE-INTEGRITY, except FINGERPRINT, are ignored.
            if (!afterIntegrity || type == StunAttributeType.FINGERPRINT) {
                attributes.add(new StunAttribute(type, value, position));
            }
            if (type == StunAttributeType.MESSAGE_INTEGRITY || type == StunAttributeType.MESSAGE_INTEGRITY_SHA256) {
                afterIntegrity = true;
            }
            if (type == StunAttributeType.FINGERPRINT) {
                if (valueLength != 4) {
                    throw new StunDecodeException(Reason.BAD_ATTRIBUTE_VALUE, "FINGERPRINT is 4 bytes");
                }
                afterFingerprint = true;
            }
            if (type == StunAttributeType.MESSAGE_INTEGRITY && valueLength != 20) {
                throw new StunDecodeException(Reason.BAD_ATTRIBUTE_VALUE, "MESSAGE-INTEGRITY is 20 bytes");
            }
            position += 4 + padded;
        }
        return attributes;
    }

    static int readShort(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    static int readInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
