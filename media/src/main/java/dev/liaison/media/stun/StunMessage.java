package dev.liaison.media.stun;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A decoded STUN message: its type, transaction id and attributes in wire order, plus the bytes it was decoded from
 * (MESSAGE-INTEGRITY and FINGERPRINT are checked against them by {@link StunIntegrity}).
 */
public final class StunMessage {

    /** The fixed value in bytes 4-7 of every RFC 5389/8489 message. */
    public static final int MAGIC_COOKIE = 0x2112A442;

    public static final int HEADER_LENGTH = 20;
    public static final int TRANSACTION_ID_LENGTH = 12;

    private final StunMessageType type;
    private final byte[] transactionId;
    private final List<StunAttribute> attributes;
    private final byte[] raw;

    StunMessage(StunMessageType type, byte[] transactionId, List<StunAttribute> attributes, byte[] raw) {
        this.type = type;
        this.transactionId = transactionId.clone();
        this.attributes = List.copyOf(attributes);
        this.raw = raw;
    }

    public StunMessageType type() {
        return type;
    }

    public byte[] transactionId() {
        return transactionId.clone();
    }

    /** Attributes in wire order (those after MESSAGE-INTEGRITY other than FINGERPRINT are already dropped). */
    public List<StunAttribute> attributes() {
        return attributes;
    }

    /** The bytes of the whole message. */
    public byte[] raw() {
        return raw.clone();
    }

    byte[] rawUnsafe() {
        return raw;
    }

    /** The first attribute of {@code type}, if any. */
    public Optional<StunAttribute> attribute(int attributeType) {
        return attributes.stream().filter(a -> a.type() == attributeType).findFirst();
    }

    public boolean has(int attributeType) {
        return attribute(attributeType).isPresent();
    }

    /** USERNAME as UTF-8 text. */
    public Optional<String> username() {
        return attribute(StunAttributeType.USERNAME).map(a -> new String(a.value(), StandardCharsets.UTF_8));
    }

    /** PRIORITY (RFC 8445 section 16.1): a 32-bit unsigned value. */
    public Optional<Long> priority() throws StunDecodeException {
        Optional<StunAttribute> a = attribute(StunAttributeType.PRIORITY);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        byte[] v = fixed(a.get(), 4);
        return Optional.of(ByteBuffer.wrap(v).getInt() & 0xFFFFFFFFL);
    }

    public boolean useCandidate() {
        return has(StunAttributeType.USE_CANDIDATE);
    }

    /** The tie-breaker of ICE-CONTROLLING, if the sender claims the controlling role. */
    public Optional<Long> iceControlling() throws StunDecodeException {
        return tieBreaker(StunAttributeType.ICE_CONTROLLING);
    }

    /** The tie-breaker of ICE-CONTROLLED, if the sender claims the controlled role. */
    public Optional<Long> iceControlled() throws StunDecodeException {
        return tieBreaker(StunAttributeType.ICE_CONTROLLED);
    }

    private Optional<Long> tieBreaker(int attributeType) throws StunDecodeException {
        Optional<StunAttribute> a = attribute(attributeType);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ByteBuffer.wrap(fixed(a.get(), 8)).getLong());
    }

    public Optional<InetSocketAddress> xorMappedAddress() throws StunDecodeException {
        Optional<StunAttribute> a = attribute(StunAttributeType.XOR_MAPPED_ADDRESS);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(XorMappedAddress.decode(a.get().value(), transactionId));
    }

    public Optional<ErrorCode> errorCode() throws StunDecodeException {
        Optional<StunAttribute> a = attribute(StunAttributeType.ERROR_CODE);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ErrorCode.decode(a.get().value()));
    }

    /** Comprehension-required attribute types this codec does not know (a request with any gets a 420). */
    public List<Integer> unknownComprehensionRequired() {
        List<Integer> unknown = new ArrayList<>();
        for (StunAttribute a : attributes) {
            if (StunAttributeType.isComprehensionRequired(a.type())
                    && !StunAttributeType.isKnown(a.type())
                    && !unknown.contains(a.type())) {
                unknown.add(a.type());
            }
        }
        return unknown;
    }

    private static byte[] fixed(StunAttribute a, int length) throws StunDecodeException {
        if (a.length() != length) {
            throw new StunDecodeException(
                    StunDecodeException.Reason.BAD_ATTRIBUTE_VALUE,
                    String.format("attribute 0x%04x must be %d bytes, was %d", a.type(), length, a.length()));
        }
        return a.value();
    }

    @Override
    public String toString() {
        return "StunMessage[" + type + ", tid=" + HexFormatHolder.HEX.formatHex(transactionId) + ", "
                + attributes.size() + " attributes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StunMessage m && Arrays.equals(m.raw, raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    private static final class HexFormatHolder {
        static final java.util.HexFormat HEX = java.util.HexFormat.of();
    }
}
