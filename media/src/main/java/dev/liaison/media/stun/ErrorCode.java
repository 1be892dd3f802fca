package dev.liaison.media.stun;

import dev.liaison.media.stun.StunDecodeException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** ERROR-CODE (RFC 8489 section 14.8): a code 300-699 (class and number) and a UTF-8 reason phrase. */
public record ErrorCode(int code, String reason) {

    public static final ErrorCode BAD_REQUEST = new ErrorCode(400, "Bad Request");
    public static final ErrorCode UNAUTHENTICATED = new ErrorCode(401, "Unauthenticated");
    public static final ErrorCode UNKNOWN_ATTRIBUTE = new ErrorCode(420, "Unknown Attribute");
    public static final ErrorCode ROLE_CONFLICT = new ErrorCode(487, "Role Conflict");

    /** The reason phrase is at most 128 characters, 763 bytes. */
    private static final int MAX_REASON_BYTES = 763;

    public ErrorCode {
        if (code < 300 || code > 699) {
            throw new IllegalArgumentException("STUN error code out of range: " + code);
        }
    }

    public byte[] encode() {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + text.length)
                .putShort((short) 0)
                .put((byte) (code / 100))
                .put((byte) (code % 100))
                .put(text)
                .array();
    }

    public static ErrorCode decode(byte[] value) throws StunDecodeException {
        if (value.length < 4 || value.length > 4 + MAX_REASON_BYTES) {
            throw new StunDecodeException(Reason.BAD_ATTRIBUTE_VALUE, "ERROR-CODE length " + value.length);
        }
        int errorClass = value[2] & 0x07;
        int number = value[3] & 0xFF;
        if (errorClass < 3 || errorClass > 6 || number > 99) {
            throw new StunDecodeException(Reason.BAD_ATTRIBUTE_VALUE, "ERROR-CODE " + errorClass + "/" + number);
        }
        String text = new String(Arrays.copyOfRange(value, 4, value.length), StandardCharsets.UTF_8);
        return new ErrorCode(errorClass * 100 + number, text);
    }
}
