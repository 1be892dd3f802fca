package dev.liaison.media.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class StunMessageRoundTripTest {

    private static final byte[] TID = new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

    @Test
    void iceBindingRequestRoundTripsEveryIceAttribute() throws Exception {
        byte[] key = StunIntegrity.shortTermKey("pwd-of-the-lite-agent-22");
        byte[] wire = new StunMessageBuilder(StunMessageType.BINDING_REQUEST, TID)
                .username("local:remote")
                .priority(0xFFFFFFFFL)
                .useCandidate()
                .iceControlling(-5L)
                .build(key, true);

        StunMessage m = StunDecoder.decode(wire);

        assertThat(m.type()).isEqualTo(StunMessageType.BINDING_REQUEST);
        assertThat(m.username()).contains("local:remote");
        assertThat(m.priority()).contains(0xFFFFFFFFL);
        assertThat(m.useCandidate()).isTrue();
        assertThat(m.iceControlling()).contains(-5L);
        assertThat(StunIntegrity.hasValidIntegrity(m, key)).isTrue();
        assertThat(StunIntegrity.hasValidFingerprint(m)).isTrue();
    }

    @Test
    void errorResponseCarriesCodeReasonAndUnknownAttributes() throws Exception {
        byte[] wire = new StunMessageBuilder(StunMessageType.BINDING_ERROR, TID)
                .errorCode(ErrorCode.UNKNOWN_ATTRIBUTE)
                .unknownAttributes(List.of(0x7777))
                .build(null, true);

        StunMessage m = StunDecoder.decode(wire);

        assertThat(m.type().messageClass()).isEqualTo(StunClass.ERROR_RESPONSE);
        assertThat(m.errorCode()).contains(ErrorCode.UNKNOWN_ATTRIBUTE);
        assertThat(m.attribute(StunAttributeType.UNKNOWN_ATTRIBUTES)
                        .orElseThrow()
                        .value())
                .containsExactly(0x77, 0x77);
    }

    @Test
    void xorMappedAddressRoundTripsIpv4AndIpv6() throws Exception {
        for (String host : List.of("203.0.113.7", "::1", "2001:db8::42")) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(host), 61000);
            byte[] wire = new StunMessageBuilder(StunMessageType.BINDING_SUCCESS, TID)
                    .xorMappedAddress(address)
                    .build();
            assertThat(StunDecoder.decode(wire).xorMappedAddress()).contains(address);
        }
    }

    @Test
    void unknownComprehensionRequiredAttributesAreReportedOptionalOnesAreNot() throws Exception {
        byte[] wire = new StunMessageBuilder(StunMessageType.BINDING_REQUEST, TID)
                .attribute(0x7001, new byte[] {1})
                .attribute(0xC001, new byte[] {2, 3})
                .build();

        StunMessage m = StunDecoder.decode(wire);

        assertThat(m.unknownComprehensionRequired()).containsExactly(0x7001);
        assertThat(m.attribute(0xC001).orElseThrow().value()).containsExactly(2, 3);
    }

    @Test
    void attributesAfterMessageIntegrityOtherThanFingerprintAreIgnored() throws Exception {
        byte[] key = StunIntegrity.shortTermKey("k");
        byte[] signed = new StunMessageBuilder(StunMessageType.BINDING_REQUEST, TID)
                .username("a:b")
                .build(key, false);
        byte[] extended = new byte[signed.length + 8];
        System.arraycopy(signed, 0, extended, 0, signed.length);
        extended[signed.length] = 0x00;
        extended[signed.length + 1] = 0x24; // PRIORITY after MESSAGE-INTEGRITY
        extended[signed.length + 3] = 4;
        extended[3] = (byte) (extended.length - 20);

        StunMessage m = StunDecoder.decode(extended);

        assertThat(m.has(StunAttributeType.PRIORITY)).isFalse();
        assertThat(m.username()).contains("a:b");
    }

    @Test
    void messageTypeInterleavesMethodAndClassBits() {
        assertThat(StunMessageType.BINDING_REQUEST.encode()).isEqualTo(0x0001);
        assertThat(StunMessageType.BINDING_INDICATION.encode()).isEqualTo(0x0011);
        assertThat(StunMessageType.BINDING_SUCCESS.encode()).isEqualTo(0x0101);
        assertThat(StunMessageType.BINDING_ERROR.encode()).isEqualTo(0x0111);
        for (int type = 0; type < 0x4000; type++) {
            assertThat(StunMessageType.decode(type).encode()).isEqualTo(type);
        }
    }
}
