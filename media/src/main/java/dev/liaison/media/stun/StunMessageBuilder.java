package dev.liaison.media.stun;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Encodes a STUN message: header, attributes with zero padding, then optionally MESSAGE-INTEGRITY and FINGERPRINT. */
public final class StunMessageBuilder {

    private final StunMessageType type;
    private final byte[] transactionId;
    private final ByteArrayOutputStream attributes = new ByteArrayOutputStream();

    public StunMessageBuilder(StunMessageType type, byte[] transactionId) {
        if (transactionId.length != StunMessage.TRANSACTION_ID_LENGTH) {
            throw new IllegalArgumentException("a transaction id is 12 bytes");
        }
        this.type = type;
        this.transactionId = transactionId.clone();
    }

    public StunMessageBuilder attribute(int attributeType, byte[] value) {
        if (value.length > 0xFFFF) {
            throw new IllegalArgumentException("attribute value too long");
        }
        writeShort(attributeType);
        writeShort(value.length);
        attributes.writeBytes(value);
        attributes.writeBytes(new byte[(4 - value.length % 4) % 4]);
        return this;
    }

    public StunMessageBuilder username(String username) {
        return attribute(StunAttributeType.USERNAME, username.getBytes(StandardCharsets.UTF_8));
    }

    public StunMessageBuilder software(String software) {
        return attribute(StunAttributeType.SOFTWARE, software.getBytes(StandardCharsets.UTF_8));
    }

    public StunMessageBuilder priority(long priority) {
        return attribute(
                StunAttributeType.PRIORITY,
                ByteBuffer.allocate(4).putInt((int) priority).array());
    }

    public StunMessageBuilder useCandidate() {
        return attribute(StunAttributeType.USE_CANDIDATE, new byte[0]);
    }

    public StunMessageBuilder iceControlling(long tieBreaker) {
        return attribute(
                StunAttributeType.ICE_CONTROLLING,
                ByteBuffer.allocate(8).putLong(tieBreaker).array());
    }

    public StunMessageBuilder iceControlled(long tieBreaker) {
        return attribute(
                StunAttributeType.ICE_CONTROLLED,
                ByteBuffer.allocate(8).putLong(tieBreaker).array());
    }

    public StunMessageBuilder xorMappedAddress(InetSocketAddress address) {
        return attribute(StunAttributeType.XOR_MAPPED_ADDRESS, XorMappedAddress.encode(address, transactionId));
    }

    public StunMessageBuilder errorCode(ErrorCode error) {
        return attribute(StunAttributeType.ERROR_CODE, error.encode());
    }

    /** UNKNOWN-ATTRIBUTES (RFC 8489 section 14.9): the 16-bit types a 420 response lists. */
    public StunMessageBuilder unknownAttributes(List<Integer> types) {
        ByteBuffer value = ByteBuffer.allocate(2 * types.size());
        types.forEach(t -> value.putShort((short) (int) t));
        return attribute(StunAttributeType.UNKNOWN_ATTRIBUTES, value.array());
    }

    /** The message without MESSAGE-INTEGRITY or FINGERPRINT. */
    public byte[] build() {
        return build(null, false);
    }

    /**
     * The message; with {@code integrityKey} not null a MESSAGE-INTEGRITY follows the attributes, then with
     * {@code fingerprint} a FINGERPRINT ends the message.
     */
    public byte[] build(byte[] integrityKey, boolean fingerprint) {
        byte[] body = attributes.toByteArray();
        int length = body.length
                + (integrityKey == null ? 0 : StunIntegrity.INTEGRITY_ATTRIBUTE_LENGTH)
                + (fingerprint ? StunIntegrity.FINGERPRINT_ATTRIBUTE_LENGTH : 0);
        ByteBuffer out = ByteBuffer.allocate(StunMessage.HEADER_LENGTH + length);
        out.putShort((short) type.encode());
        out.putShort((short) length);
        out.putInt(StunMessage.MAGIC_COOKIE);
        out.put(transactionId);
        out.put(body);
        byte[] message = out.array();
        int position = StunMessage.HEADER_LENGTH + body.length;
        if (integrityKey != null) {
            byte[] mac =
                    StunIntegrity.hmacSha1(integrityKey, message, position, StunIntegrity.INTEGRITY_ATTRIBUTE_LENGTH);
            ByteBuffer.wrap(message, position, StunIntegrity.INTEGRITY_ATTRIBUTE_LENGTH)
                    .putShort((short) StunAttributeType.MESSAGE_INTEGRITY)
                    .putShort((short) 20)
                    .put(mac);
            position += StunIntegrity.INTEGRITY_ATTRIBUTE_LENGTH;
        }
        if (fingerprint) {
            int crc = StunIntegrity.fingerprint(message, position);
            ByteBuffer.wrap(message, position, StunIntegrity.FINGERPRINT_ATTRIBUTE_LENGTH)
                    .putShort((short) StunAttributeType.FINGERPRINT)
                    .putShort((short) 4)
                    .putInt(crc);
        }
        return message;
    }

    private void writeShort(int value) {
        attributes.write(value >>> 8);
        attributes.write(value);
    }
}
