package dev.liaison.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.media.rtp.RtpFormatException.Reason;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RtpPacketTest {

    @Test
    void fixedHeaderFieldsAreReadAndRewrittenInPlace() throws Exception {
        byte[] bytes = Packets.rtp(0, 65535, 0xFFFF_FFF0L, 0xCAFEBABE, 160);
        RtpPacket packet = RtpPacket.parse(bytes);

        assertThat(packet.version()).isEqualTo(2);
        assertThat(packet.payloadType()).isZero();
        assertThat(packet.sequence()).isEqualTo(65535);
        assertThat(packet.timestamp()).isEqualTo(0xFFFF_FFF0L);
        assertThat(packet.ssrc()).isEqualTo(0xCAFEBABE);
        assertThat(packet.marker()).isFalse();
        assertThat(packet.payloadOffset()).isEqualTo(12);
        assertThat(packet.payloadLength()).isEqualTo(160);

        packet.setPayloadType(8);
        packet.setMarker(true);
        packet.setSequence(7);
        packet.setTimestamp(0x1_0000_0010L);
        packet.setSsrc(42);

        RtpPacket again = RtpPacket.parse(bytes);
        assertThat(again.payloadType()).isEqualTo(8);
        assertThat(again.marker()).isTrue();
        assertThat(again.sequence()).isEqualTo(7);
        assertThat(again.timestamp()).isEqualTo(0x10L);
        assertThat(again.ssrc()).isEqualTo(42);
        assertThat(bytes[12]).isEqualTo((byte) 65535);
        again.setMarker(false);
        assertThat(again.marker()).isFalse();
        assertThat(again.payloadType()).isEqualTo(8);
    }

    @Test
    void csrcsExtensionAndPaddingAreSkippedToThePayload() throws Exception {
        // V=2 P=1 X=1 CC=2, M=1 PT=111, seq 1, ts 2, ssrc 3, CSRC 10 and 11, extension 0xBEDE with one word,
        // 3 payload bytes, then 4 bytes of padding.
        byte[] bytes = HexFormat.of()
                .parseHex("b2ef0001" + "00000002" + "00000003" + "0000000a" + "0000000b" + "bede0001" + "10ff0000"
                        + "aabbcc" + "000000" + "04");
        RtpPacket packet = RtpPacket.parse(bytes, 0, bytes.length);

        assertThat(packet.padding()).isTrue();
        assertThat(packet.extension()).isTrue();
        assertThat(packet.csrcCount()).isEqualTo(2);
        assertThat(packet.csrc(1)).isEqualTo(11);
        assertThat(packet.extensionProfile()).isEqualTo(0xBEDE);
        assertThat(packet.extensionLength()).isEqualTo(4);
        assertThat(packet.marker()).isTrue();
        assertThat(packet.payloadType()).isEqualTo(111);
        assertThat(packet.headerLength()).isEqualTo(28);
        assertThat(packet.payloadLength()).isEqualTo(3);
        assertThat(bytes[packet.payloadOffset()]).isEqualTo((byte) 0xaa);
    }

    @Test
    void aPacketInsideALargerBufferIsReadAtItsOffset() throws Exception {
        byte[] inner = Packets.rtp(0, 9, 100, 5, 4);
        byte[] outer = new byte[inner.length + 10];
        System.arraycopy(inner, 0, outer, 3, inner.length);

        RtpPacket packet = RtpPacket.parse(outer, 3, inner.length);

        assertThat(packet.sequence()).isEqualTo(9);
        assertThat(packet.payloadOffset()).isEqualTo(15);
        assertThat(packet.payloadLength()).isEqualTo(4);
    }

    @Test
    void malformedHeadersNameTheReason() {
        assertReason(new byte[11], Reason.TOO_SHORT);
        byte[] v1 = Packets.rtp(0, 1, 1, 1, 0);
        v1[0] = 0x40;
        assertReason(v1, Reason.BAD_VERSION);
        byte[] csrc = Packets.rtp(0, 1, 1, 1, 0);
        csrc[0] = (byte) 0x81;
        assertReason(csrc, Reason.TRUNCATED_HEADER);
        byte[] ext = Packets.rtp(0, 1, 1, 1, 4);
        ext[0] = (byte) 0x90;
        ext[14] = 0;
        ext[15] = 2; // two words of extension, only the header fits
        assertReason(ext, Reason.TRUNCATED_HEADER);
        byte[] pad = Packets.rtp(0, 1, 1, 1, 2);
        pad[0] = (byte) 0xA0;
        pad[13] = 3;
        assertReason(pad, Reason.BAD_PADDING);
        pad[13] = 0;
        assertReason(pad, Reason.BAD_PADDING);
        assertReason(Packets.rtp(200, 1, 1, 1, 0), Reason.WRONG_KIND);
        assertThatThrownBy(() -> RtpPacket.parse(new byte[20], 15, 10))
                .isInstanceOf(RtpFormatException.class)
                .extracting(e -> ((RtpFormatException) e).reason())
                .isEqualTo(Reason.TOO_SHORT);
    }

    @Test
    void rtcpIsToldFromRtpByThePacketTypeRange() {
        byte[] rtcp = RtcpWriter.write(new RtcpPacket.ReceiverReport(1, java.util.List.of()));
        assertThat(PacketKind.of(rtcp, 0, rtcp.length)).isEqualTo(PacketKind.RTCP);
        byte[] rtp = Packets.rtp(0, 1, 1, 1, 0);
        assertThat(PacketKind.of(rtp, 0, rtp.length)).isEqualTo(PacketKind.RTP);
        rtp[1] = (byte) (0x80 | 95); // marker + PT 95 = 223: reads as RTCP, which is why RFC 5761 forbids it
        assertThat(PacketKind.of(rtp, 0, rtp.length)).isEqualTo(PacketKind.RTCP);
        rtp[1] = (byte) (0x80 | 96);
        assertThat(PacketKind.of(rtp, 0, rtp.length)).isEqualTo(PacketKind.RTP);
        assertThat(PacketKind.of(new byte[] {0x00, 0x01, 0, 0}, 0, 4)).isEqualTo(PacketKind.NOT_RTP);
        assertThat(PacketKind.of(new byte[] {(byte) 0x80}, 0, 1)).isEqualTo(PacketKind.NOT_RTP);
        assertThat(PacketKind.of(rtp, 5, rtp.length)).isEqualTo(PacketKind.NOT_RTP);
    }

    @Test
    void payloadTypesThatCollideWithRtcpAreRefused() throws Exception {
        RtpPacket packet = RtpPacket.parse(Packets.rtp(0, 1, 1, 1, 0));
        assertThatThrownBy(() -> packet.setPayloadType(72)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> packet.setPayloadType(128)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertReason(byte[] bytes, Reason reason) {
        assertThatThrownBy(() -> RtpPacket.parse(bytes))
                .isInstanceOf(RtpFormatException.class)
                .extracting(e -> ((RtpFormatException) e).reason())
                .isEqualTo(reason);
    }
}
