package dev.liaison.cti.ucce.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.cti.ucce.protocol.SessionMessages.OpenReq;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Frames assembled by hand from the guide's tables (MHDR, fixed part, floating field format, NAMEDVAR/NAMEDARRAY),
 * compared byte for byte with what the encoders produce. These pin the shared layouts to the spec independently of the
 * simulator, which uses the same encoders.
 */
class WireFormatTest {

    private static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes uint(long v) {
            out.write((int) (v >>> 24) & 0xff);
            out.write((int) (v >>> 16) & 0xff);
            out.write((int) (v >>> 8) & 0xff);
            out.write((int) v & 0xff);
            return this;
        }

        Bytes ushort(int v) {
            out.write((v >>> 8) & 0xff);
            out.write(v & 0xff);
            return this;
        }

        Bytes u8(int v) {
            out.write(v);
            return this;
        }

        Bytes ascii(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        byte[] get() {
            return out.toByteArray();
        }
    }

    @Test
    void openReqIsHeaderElevenUintsThenClientIdAndPassword() {
        byte[] body = new Bytes()
                .uint(1) // InvokeID
                .uint(13) // VersionNumber
                .uint(20) // IdleTimeout
                .uint(5000) // PeripheralID
                .uint(0x16) // ServicesRequested
                .uint(0x21) // CallMsgMask
                .uint(0x3) // AgentStateMask
                .uint(0) // ConfigMsgMask
                .uint(0)
                .uint(0)
                .uint(0) // Reserved1..3
                .u8(1)
                .u8(8)
                .ascii("liaison")
                .u8(0) // ClientID: tag 1, length 8 incl. NUL
                .u8(2)
                .u8(0) // ClientPassword: tag 2, empty UNSPEC
                .get();
        byte[] expected = new Bytes().uint(body.length).uint(3).get();
        byte[] frame = FrameCodec.encode(
                new OpenReq(1, 13, 20, 5000, 0x16, 0x21, 0x3, 0, "liaison", "", null, null, null).encode());

        assertThat(frame).startsWith(expected);
        assertThat(java.util.Arrays.copyOfRange(frame, 8, frame.length)).isEqualTo(body);
        assertThat(body.length).isEqualTo(44 + 10 + 2);
    }

    @Test
    void heartbeatReqIsEightByteHeaderAndTheInvokeId() {
        assertThat(FrameCodec.encode(SessionMessages.heartbeat(MessageType.HEARTBEAT_REQ, 0xABCDEF01L)))
                .isEqualTo(new Bytes().uint(4).uint(5).uint(0xABCDEF01L).get());
    }

    @Test
    void namedVariableAndNamedArrayFieldsFollowTheNamedVarAndNamedArrayFormats() throws Exception {
        CallData data = new CallData(
                null, null, null, null, null, null, Map.of(3, "x"), Map.of("a", "bc"), Map.of("h[2]", "z"));
        CtiMessage m = new MessageWriter(MessageType.SET_CALL_DATA_CONF).uint(1).build();
        MessageWriter w = new MessageWriter(99);
        data.writeTo(w);
        byte[] body = w.build().body();

        assertThat(body)
                .isEqualTo(new Bytes()
                        .u8(15) // CALL_VAR_3_TAG
                        .u8(2)
                        .ascii("x")
                        .u8(0)
                        .u8(82) // NAMED_VARIABLE_TAG
                        .u8(5)
                        .ascii("a")
                        .u8(0)
                        .ascii("bc")
                        .u8(0)
                        .u8(83) // NAMED_ARRAY_TAG
                        .u8(5)
                        .u8(2)
                        .ascii("h")
                        .u8(0)
                        .ascii("z")
                        .u8(0)
                        .get());
        assertThat(SessionMessages.invokeId(m)).isEqualTo(1);
    }
}
