package dev.liaison.media.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.media.stun.StunDecodeException.Reason;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Garbage, truncations and bit flips never leave the decoder as anything but a {@link StunDecodeException}. */
class MalformedStunInputTest {

    private static final byte[] REQUEST = HexResource.read("stun/rfc5769-2.1-sample-request.hex");

    @Property(tries = 2000)
    void arbitraryBytesDecodeOrFailWithATypedError(@ForAll("datagrams") byte[] bytes) {
        decodeAndReadEverything(bytes);
    }

    @Property(tries = 2000)
    void bitFlipsOfARealRequestDecodeOrFailWithATypedError(
            @ForAll("positions") int position, @ForAll("masks") int mask) {
        byte[] bytes = REQUEST.clone();
        bytes[position % bytes.length] ^= (byte) mask;
        decodeAndReadEverything(bytes);
    }

    @Property(tries = 500)
    void everyTruncationOfARealRequestIsRejected(@ForAll("positions") int cut) {
        byte[] truncated = Arrays.copyOf(REQUEST, cut % REQUEST.length);
        assertThatThrownBy(() -> StunDecoder.decode(truncated)).isInstanceOf(StunDecodeException.class);
    }

    @Test
    void headerChecksNameTheReason() {
        assertReason(new byte[19], Reason.TOO_SHORT);
        byte[] rtp = REQUEST.clone();
        rtp[0] = (byte) 0x80;
        assertReason(rtp, Reason.NOT_STUN);
        byte[] badCookie = REQUEST.clone();
        badCookie[4] = 0;
        assertReason(badCookie, Reason.BAD_COOKIE);
        byte[] badLength = REQUEST.clone();
        badLength[3] = 0x54;
        assertReason(badLength, Reason.BAD_LENGTH);
        byte[] overlong = REQUEST.clone();
        overlong[23] = 0x60; // SOFTWARE claims 0x60 bytes
        assertReason(overlong, Reason.TRUNCATED_ATTRIBUTE);
    }

    @Test
    void anAttributeAfterFingerprintIsRejected() {
        byte[] bytes = Arrays.copyOf(REQUEST, REQUEST.length + 4);
        bytes[3] = (byte) (bytes.length - 20);
        bytes[bytes.length - 4] = 0x00;
        bytes[bytes.length - 3] = 0x06;
        assertReason(bytes, Reason.ATTRIBUTE_AFTER_FINGERPRINT);
    }

    private static void assertReason(byte[] bytes, Reason reason) {
        assertThatThrownBy(() -> StunDecoder.decode(bytes))
                .isInstanceOfSatisfying(
                        StunDecodeException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static void decodeAndReadEverything(byte[] bytes) {
        try {
            StunMessage m = StunDecoder.decode(bytes);
            m.username();
            m.priority();
            m.iceControlled();
            m.iceControlling();
            m.xorMappedAddress();
            m.errorCode();
            m.unknownComprehensionRequired();
            StunIntegrity.hasValidIntegrity(m, new byte[] {1});
            StunIntegrity.hasValidFingerprint(m);
        } catch (StunDecodeException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }

    @Provide
    Arbitrary<byte[]> datagrams() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        Arbitrary<byte[]> stunLooking = random.map(b -> {
            byte[] m = Arrays.copyOf(b, Math.max(20, b.length & ~3));
            m[0] &= 0x3F;
            m[2] = (byte) ((m.length - 20) >>> 8);
            m[3] = (byte) (m.length - 20);
            m[4] = 0x21;
            m[5] = 0x12;
            m[6] = (byte) 0xA4;
            m[7] = 0x42;
            return m;
        });
        return Arbitraries.oneOf(random, stunLooking);
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 10_000);
    }

    @Provide
    Arbitrary<Integer> masks() {
        return Arbitraries.integers().between(1, 255);
    }
}
