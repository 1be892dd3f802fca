package dev.liaison.cti.ucce.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.cti.ucce.protocol.CtiProtocolException.Reason;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    private final FrameCodec codec = new FrameCodec(1024);

    @Test
    void framesBackToBackAreReadOneByOneAndACleanEndIsNull() throws Exception {
        byte[] a = FrameCodec.encode(SessionMessages.heartbeat(MessageType.HEARTBEAT_CONF, 1));
        byte[] b = FrameCodec.encode(new SessionMessages.FailureEvent(7).encode());
        ByteArrayInputStream in = new ByteArrayInputStream(
                ByteBuffer.allocate(a.length + b.length).put(a).put(b).array());

        assertThat(codec.read(in).type()).isEqualTo(MessageType.HEARTBEAT_CONF);
        assertThat(SessionMessages.FailureEvent.decode(codec.read(in)).status()).isEqualTo(7);
        assertThat(codec.read(in)).isNull();
    }

    @Test
    void aLengthAboveTheLimitIsRefusedFromTheHeader() {
        byte[] header = ByteBuffer.allocate(8).putInt(1025).putInt(9).array();
        assertThatThrownBy(() -> codec.read(new ByteArrayInputStream(header)))
                .isInstanceOfSatisfying(
                        CtiProtocolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                .hasMessageContaining("CALL_DELIVERED_EVENT");
    }

    @Test
    void aStreamEndingInsideAHeaderOrABodyIsTruncated() {
        assertThatThrownBy(() -> codec.read(new ByteArrayInputStream(new byte[] {0, 0, 0})))
                .isInstanceOfSatisfying(
                        CtiProtocolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED));
        byte[] cut = ByteBuffer.allocate(12).putInt(10).putInt(5).putInt(1).array();
        assertThatThrownBy(() -> codec.read(new ByteArrayInputStream(cut)))
                .isInstanceOfSatisfying(
                        CtiProtocolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED))
                .hasMessageContaining("4 of 10");
    }
}
