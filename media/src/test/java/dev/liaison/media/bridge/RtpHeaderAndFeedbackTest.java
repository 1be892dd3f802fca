package dev.liaison.media.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The relay's only RTP and RTCP parsing: CSRCs, extensions and padding skipped; feedback rewritten or kept back. */
class RtpHeaderAndFeedbackTest {

    @Test
    void headerSkipsCsrcsExtensionAndPadding() {
        byte[] p = new byte[12 + 8 + 8 + 3 + 2];
        p[0] = (byte) (0x80 | 0x20 | 0x10 | 2); // padding, extension, two CSRCs
        p[1] = (byte) (0x80 | 111);
        p[2] = 0x12;
        p[3] = 0x34;
        p[7] = 99;
        p[11] = 7;
        p[12 + 8 + 2] = 0;
        p[12 + 8 + 3] = 1; // one extension word
        p[28] = 1;
        p[29] = 2;
        p[30] = 3;
        p[p.length - 1] = 2; // two bytes of padding

        RtpHeader h = RtpHeader.parse(p, p.length);

        assertThat(h).isNotNull();
        assertThat(h.payloadType).isEqualTo(111);
        assertThat(h.marker).isTrue();
        assertThat(h.sequence).isEqualTo(0x1234);
        assertThat(h.timestamp).isEqualTo(99);
        assertThat(h.ssrc).isEqualTo(7);
        assertThat(h.payload(p)).containsExactly(1, 2, 3);
    }

    @Test
    void brokenHeadersAreRefused() {
        assertThat(RtpHeader.parse(new byte[11], 11)).isNull();
        byte[] version1 = new byte[20];
        version1[0] = 0x40;
        assertThat(RtpHeader.parse(version1, 20)).isNull();
        byte[] csrcsPastTheEnd = new byte[20];
        csrcsPastTheEnd[0] = (byte) 0x8F;
        assertThat(RtpHeader.parse(csrcsPastTheEnd, 20)).isNull();
        byte[] zeroPadding = new byte[20];
        zeroPadding[0] = (byte) 0xA0;
        assertThat(RtpHeader.parse(zeroPadding, 20)).isNull();
        byte[] extensionPastTheEnd = new byte[16];
        extensionPastTheEnd[0] = (byte) 0x90;
        extensionPastTheEnd[15] = 9;
        assertThat(RtpHeader.parse(extensionPastTheEnd, 16)).isNull();
    }

    @Test
    void firEntriesAreRewrittenToTheSourceAndUnknownStreamsKeptBack() {
        byte[] fir = new byte[20];
        fir[0] = (byte) 0x84;
        fir[1] = (byte) 206;
        fir[3] = 4;
        RtpHeader.writeInt(fir, 4, 0x1111);
        RtpHeader.writeInt(fir, 12, 0x2222); // the broker's stream
        fir[16] = 5; // FIR sequence number
        RtcpFeedback.Sources sources = new RtcpFeedback.Sources() {
            @Override
            public long source(long brokerSsrc) {
                return brokerSsrc == 0x2222 ? 0x3333 : -1;
            }

            @Override
            public int sourceSequence(long brokerSsrc, int sequence) {
                return -1;
            }
        };

        RtcpFeedback.Result result = RtcpFeedback.rewrite(fir, fir.length, 0x4444, sources);

        assertThat(result.forward()).hasSize(20);
        assertThat(RtpHeader.readInt(result.forward(), 4)).isEqualTo(0x4444);
        assertThat(RtpHeader.readInt(result.forward(), 12)).isEqualTo(0x3333);
        assertThat(result.forward()[16]).isEqualTo((byte) 5);
        assertThat(fir[12 + 3]).as("the input is not modified").isEqualTo((byte) 0x22);

        RtpHeader.writeInt(fir, 12, 0x9999);
        RtcpFeedback.Result unknown = RtcpFeedback.rewrite(fir, fir.length, 0x4444, sources);
        assertThat(unknown.forward()).isNull();
        assertThat(unknown.unmapped()).isEqualTo(1);

        byte[] truncated = java.util.Arrays.copyOf(fir, 10);
        assertThat(RtcpFeedback.rewrite(truncated, truncated.length, 0x4444, sources)
                        .terminated())
                .isEqualTo(1);
    }
}
