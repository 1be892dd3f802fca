package dev.liaison.media.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The four sample messages of RFC 5769, typed from the RFC into test resources, decode and verify. */
class Rfc5769TestVectorsTest {

    private static final byte[] SHORT_TERM_KEY = StunIntegrity.shortTermKey("VOkJxbRl1RmTxUk/WvJxBt");
    private static final byte[] TRANSACTION_ID = HexFormat.of().parseHex("b7e7a701bc34d686fa87dfae");

    @Test
    void sampleRequestDecodesWithIceAttributesAndVerifies() throws Exception {
        StunMessage request = StunDecoder.decode(HexResource.read("stun/rfc5769-2.1-sample-request.hex"));

        assertThat(request.type()).isEqualTo(StunMessageType.BINDING_REQUEST);
        assertThat(request.transactionId()).isEqualTo(TRANSACTION_ID);
        assertThat(request.username()).contains("evtj:h6vY");
        assertThat(request.priority()).contains(0x6e0001ffL);
        assertThat(request.iceControlled()).contains(0x932ff9b151263b36L);
        assertThat(request.iceControlling()).isEmpty();
        assertThat(request.useCandidate()).isFalse();
        assertThat(request.unknownComprehensionRequired()).isEmpty();
        assertThat(StunIntegrity.hasValidIntegrity(request, SHORT_TERM_KEY)).isTrue();
        assertThat(StunIntegrity.hasValidFingerprint(request)).isTrue();
    }

    @Test
    void sampleIpv4ResponseCarriesTheMappedAddressAndVerifies() throws Exception {
        StunMessage response = StunDecoder.decode(HexResource.read("stun/rfc5769-2.2-sample-ipv4-response.hex"));

        assertThat(response.type()).isEqualTo(StunMessageType.BINDING_SUCCESS);
        assertThat(response.xorMappedAddress())
                .contains(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853));
        assertThat(StunIntegrity.hasValidIntegrity(response, SHORT_TERM_KEY)).isTrue();
        assertThat(StunIntegrity.hasValidFingerprint(response)).isTrue();
    }

    @Test
    void sampleIpv6ResponseCarriesTheMappedAddressAndVerifies() throws Exception {
        StunMessage response = StunDecoder.decode(HexResource.read("stun/rfc5769-2.3-sample-ipv6-response.hex"));

        assertThat(response.xorMappedAddress())
                .contains(new InetSocketAddress(InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853));
        assertThat(StunIntegrity.hasValidIntegrity(response, SHORT_TERM_KEY)).isTrue();
        assertThat(StunIntegrity.hasValidFingerprint(response)).isTrue();
    }

    @Test
    void sampleLongTermRequestVerifiesWithTheMd5Key() throws Exception {
        StunMessage request = StunDecoder.decode(HexResource.read("stun/rfc5769-2.4-sample-request-long-term.hex"));

        String username = "\u30DE\u30C8\u30EA\u30C3\u30AF\u30B9";
        assertThat(request.username()).contains(username);
        byte[] key = StunIntegrity.longTermKey(username, "example.org", "TheMatrIX");
        assertThat(StunIntegrity.hasValidIntegrity(request, key)).isTrue();
        assertThat(request.has(StunAttributeType.FINGERPRINT)).isFalse();
    }

    @Test
    void encoderWritesTheIpv4ResponseAsTheRfcDoes() throws Exception {
        byte[] expected = HexResource.read("stun/rfc5769-2.2-sample-ipv4-response.hex");
        byte[] built = new StunMessageBuilder(StunMessageType.BINDING_SUCCESS, TRANSACTION_ID)
                .software("test vector")
                .xorMappedAddress(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853))
                .build(SHORT_TERM_KEY, true);

        // The RFC pads SOFTWARE with a space (byte 35), RFC 8489 with a zero: every other byte before the
        // integrity attribute is the same, and the attribute layout (lengths, order) is the RFC's.
        assertThat(built).hasSameSizeAs(expected);
        assertThat(Arrays.copyOfRange(built, 0, 35)).isEqualTo(Arrays.copyOfRange(expected, 0, 35));
        assertThat(Arrays.copyOfRange(built, 36, 52)).isEqualTo(Arrays.copyOfRange(expected, 36, 52));
        assertThat(Arrays.copyOfRange(built, 72, 76)).isEqualTo(Arrays.copyOfRange(expected, 72, 76));
        StunMessage decoded = StunDecoder.decode(built);
        assertThat(StunIntegrity.hasValidIntegrity(decoded, SHORT_TERM_KEY)).isTrue();
        assertThat(StunIntegrity.hasValidFingerprint(decoded)).isTrue();
    }

    @Test
    void tamperedRequestFailsIntegrityAndFingerprint() throws Exception {
        byte[] bytes = HexResource.read("stun/rfc5769-2.1-sample-request.hex");
        bytes[30] ^= 0x01;
        StunMessage tampered = StunDecoder.decode(bytes);

        assertThat(StunIntegrity.hasValidIntegrity(tampered, SHORT_TERM_KEY)).isFalse();
        assertThat(StunIntegrity.hasValidFingerprint(tampered)).isFalse();
        assertThat(StunIntegrity.hasValidIntegrity(
                        StunDecoder.decode(HexResource.read("stun/rfc5769-2.1-sample-request.hex")),
                        StunIntegrity.shortTermKey("wrong")))
                .isFalse();
    }
}
