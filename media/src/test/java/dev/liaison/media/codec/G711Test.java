package dev.liaison.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class G711Test {

    @Test
    void muLawMatchesTheG711ReferenceValues() {
        assertThat(G711.PCMU.encode((short) 0)).isEqualTo((byte) 0xFF);
        assertThat(G711.PCMU.decode((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(G711.PCMU.decode((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(G711.PCMU.decode((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(G711.PCMU.decode((byte) 0xFE)).isEqualTo((short) 8);
        assertThat(G711.PCMU.encode(Short.MAX_VALUE)).isEqualTo((byte) 0x80);
        assertThat(G711.PCMU.encode(Short.MIN_VALUE)).isEqualTo((byte) 0x00);
        assertThat(G711.PCMU.payloadType()).isZero();
    }

    @Test
    void aLawMatchesTheG711ReferenceValues() {
        assertThat(G711.PCMA.encode((short) 0)).isEqualTo((byte) 0xD5);
        assertThat(G711.PCMA.decode((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(G711.PCMA.decode((byte) 0x55)).isEqualTo((short) -8);
        assertThat(G711.PCMA.decode((byte) 0xAA)).isEqualTo((short) 32256);
        assertThat(G711.PCMA.decode((byte) 0x2A)).isEqualTo((short) -32256);
        assertThat(G711.PCMA.encode(Short.MAX_VALUE)).isEqualTo((byte) 0xAA);
        assertThat(G711.PCMA.payloadType()).isEqualTo(8);
    }

    @Test
    void everyCodeDecodesAndEncodesBackToItself() {
        for (int code = 0; code < 256; code++) {
            assertThat(G711.PCMA.encode(G711.PCMA.decode((byte) code))).isEqualTo((byte) code);
            if (code != 0x7F) { // µ-law has two zeros; 0x7F (-0) comes back as 0xFF (+0)
                assertThat(G711.PCMU.encode(G711.PCMU.decode((byte) code))).isEqualTo((byte) code);
            }
        }
    }

    @Test
    void fullRangeRoundTripStaysWithinTheQuantisationStep() {
        for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s++) {
            for (G711 law : G711.values()) {
                int back = law.decode(law.encode((short) s));
                int step = Math.max(16, Math.abs(s) / 16 + 16);
                assertThat(Math.abs(back - s)).as("%s %d -> %d", law, s, back).isLessThanOrEqualTo(step * 2);
            }
        }
    }
}
