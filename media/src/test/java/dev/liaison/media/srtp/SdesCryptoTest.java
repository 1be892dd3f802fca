package dev.liaison.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SdesCryptoTest {

    @Test
    void rfc4568ExampleParsesAndFormatsBack() throws SdesException {
        String line = "1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:4";
        SdesCrypto crypto = SdesCrypto.parse(line);
        assertThat(crypto.tag()).isEqualTo(1);
        assertThat(crypto.profile()).isEqualTo(SrtpProfile.AES128_CM_HMAC_SHA1_80);
        assertThat(crypto.key()).hasSize(16);
        assertThat(crypto.salt()).hasSize(14);
        assertThat(crypto.lifetime()).contains("2^20");
        assertThat(crypto.mki()).contains("1:4");
        assertThat(crypto.format()).isEqualTo(line);
    }

    @Test
    void generatedCryptoRoundTripsForEverySuite() throws SdesException {
        for (SrtpProfile profile : SrtpProfile.values()) {
            SdesCrypto crypto = SdesCrypto.generate(3, profile);
            assertThat(SdesCrypto.parse(crypto.format())).isEqualTo(crypto);
        }
    }

    @Test
    void malformedOrUnsupportedLinesAreRejected() {
        for (String bad : new String[] {
            "",
            "x AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR",
            "1 F8_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR",
            "1 AES_CM_128_HMAC_SHA1_80 inline:c2hvcnQ=",
            "1 AES_CM_128_HMAC_SHA1_80 inline:!!!!",
            "1 AES_CM_128_HMAC_SHA1_80 " + "inline:".repeat(100),
        }) {
            assertThatThrownBy(() -> SdesCrypto.parse(bad)).isInstanceOf(SdesException.class);
        }
    }
}
