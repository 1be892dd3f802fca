package dev.liaison.media.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bencoding the rtpengine benchmark speaks: what rtpengine's ng protocol sends and expects. */
class BencodeTest {

    @Test
    void anNgOfferEncodesWithSortedKeysAndDecodesBack() {
        Map<String, Object> offer = Map.of(
                "command", "offer", "sdp", "v=0\r\n", "codec", Map.of("transcode", List.of("PCMU")), "port", 42L);
        byte[] wire = Bencode.encode(offer);
        assertThat(new String(wire, StandardCharsets.UTF_8))
                .isEqualTo("d5:codecd9:transcodel4:PCMUee7:command5:offer4:porti42e3:sdp5:v=0\r\ne");
        assertThat(Bencode.decode(wire, 0)).isEqualTo(offer);
    }

    @Test
    void aReplyAfterItsCookieDecodes() {
        byte[] reply = "5a1f d3:sdp3:v=06:result2:oke".getBytes(StandardCharsets.US_ASCII);
        assertThat(Bencode.decode(reply, 5)).isEqualTo(Map.of("sdp", "v=0", "result", "ok"));
    }

    @Test
    void cutOrPaddedInputIsRefused() {
        assertThatThrownBy(() -> Bencode.decode("d6:result2:o".getBytes(StandardCharsets.US_ASCII), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bencode.decode("i1ei2e".getBytes(StandardCharsets.US_ASCII), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trailing");
        assertThatThrownBy(() -> Bencode.decode("99:abc".getBytes(StandardCharsets.US_ASCII), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
