package dev.liaison.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.media.rtp.RtcpPacket.Bye;
import dev.liaison.media.rtp.RtcpPacket.FirEntry;
import dev.liaison.media.rtp.RtcpPacket.FullIntraRequest;
import dev.liaison.media.rtp.RtcpPacket.GenericNack;
import dev.liaison.media.rtp.RtcpPacket.NackItem;
import dev.liaison.media.rtp.RtcpPacket.PictureLossIndication;
import dev.liaison.media.rtp.RtcpPacket.ReceiverReport;
import dev.liaison.media.rtp.RtcpPacket.ReportBlock;
import dev.liaison.media.rtp.RtcpPacket.SdesChunk;
import dev.liaison.media.rtp.RtcpPacket.SdesItem;
import dev.liaison.media.rtp.RtcpPacket.SenderReport;
import dev.liaison.media.rtp.RtcpPacket.SourceDescription;
import dev.liaison.media.rtp.RtpFormatException.Reason;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RtcpRoundTripTest {

    private static final ReportBlock BLOCK = new ReportBlock(0x11223344, 25, -3, 0x1_0005L, 37, 0xABCD_0123L, 65536);

    @Test
    void aCompoundOfEveryTypeReadsBackAsWritten() throws Exception {
        List<RtcpPacket> packets = List.of(
                new SenderReport(
                        0xDEADBEEF, 0xE000_0000_8000_0000L, 0xFFFF_FFFFL, 1000, 160_000, List.of(BLOCK, BLOCK)),
                new ReceiverReport(7, List.of(BLOCK)),
                new SourceDescription(List.of(
                        new SdesChunk(0xDEADBEEF, List.of(new SdesItem(SdesItem.CNAME, "liaison@example"))),
                        new SdesChunk(8, List.of(new SdesItem(SdesItem.CNAME, "abc"), new SdesItem(2, "Ann"))))),
                new Bye(List.of(0xDEADBEEF, 9), Optional.of("hangup")),
                new GenericNack(1, 2, List.of(new NackItem(65535, 0b101))),
                new PictureLossIndication(3, 4),
                new FullIntraRequest(5, 0, List.of(new FirEntry(6, 200), new FirEntry(7, 1))));

        byte[] bytes = RtcpWriter.compound(packets);
        RtcpCompound parsed = RtcpParser.parse(bytes);

        assertThat(bytes.length % 4).isZero();
        assertThat(parsed.packets()).containsExactlyElementsOf(packets);
        assertThat(parsed.skipped()).isZero();
        assertThat(parsed.all(SenderReport.class).get(0).compactNtp()).isEqualTo(0x0000_8000L);
        assertThat(parsed.all(SourceDescription.class).get(0).chunks().get(1).cname())
                .contains("abc");
        assertThat(parsed.all(GenericNack.class).get(0).lostSequences()).containsExactly(65535, 0, 2);
    }

    @Test
    void appUnknownTypesAndOtherFeedbackFormatsAreSkippedByLength() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(RtcpWriter.write(new ReceiverReport(1, List.of())));
        out.writeBytes(HexFormat.of().parseHex("80cc0003" + "00000001" + "6e616d65" + "00000000")); // APP "name"
        out.writeBytes(HexFormat.of().parseHex("8fcf0001" + "00000001")); // XR (207)
        out.writeBytes(HexFormat.of().parseHex("8fcd0002" + "00000001" + "00000002")); // RTPFB FMT 15 (TWCC)
        out.writeBytes(HexFormat.of().parseHex("8fce0002" + "00000001" + "00000002")); // PSFB FMT 15 (REMB)
        out.writeBytes(RtcpWriter.write(new PictureLossIndication(1, 2)));

        RtcpCompound parsed = RtcpParser.parse(out.toByteArray());

        assertThat(parsed.skipped()).isEqualTo(4);
        assertThat(parsed.packets()).containsExactly(new ReceiverReport(1, List.of()), new PictureLossIndication(1, 2));
    }

    @Test
    void paddedLastPacketIsRead() throws Exception {
        byte[] rr = RtcpWriter.write(new ReceiverReport(1, List.of(BLOCK)));
        byte[] padded = new byte[rr.length + 4];
        System.arraycopy(rr, 0, padded, 0, rr.length);
        padded[0] |= 0x20;
        RtpPacket.writeShort(padded, 2, padded.length / 4 - 1);
        padded[padded.length - 1] = 4;

        assertThat(RtcpParser.parse(padded).packets()).containsExactly(new ReceiverReport(1, List.of(BLOCK)));
    }

    @Test
    void nackItemsPackSixteenFollowingPacketsIntoTheBitmask() throws Exception {
        GenericNack nack = RtcpWriter.nackFor(1, 2, List.of(100, 101, 116, 117, 5, 5));

        assertThat(nack.items()).containsExactly(new NackItem(5, 0), new NackItem(100, 0x8001), new NackItem(117, 0));
        GenericNack parsed =
                (GenericNack) RtcpParser.parse(RtcpWriter.write(nack)).packets().get(0);
        assertThat(parsed.lostSequences()).containsExactly(5, 100, 101, 116, 117);
    }

    @Test
    void relayRewritesSenderAndMediaSourceSsrcs() throws Exception {
        byte[] bytes = RtcpWriter.compound(List.of(
                new SenderReport(10, 1, 2, 3, 4, List.of(BLOCK)),
                new SourceDescription(List.of(new SdesChunk(10, List.of(new SdesItem(1, "x"))))),
                new GenericNack(10, 0x11223344, List.of(new NackItem(1, 0))),
                new PictureLossIndication(10, 0x11223344),
                new FullIntraRequest(10, 0, List.of(new FirEntry(0x11223344, 1))),
                new Bye(List.of(10), Optional.empty())));

        RtcpRewriter.rewrite(bytes, 0, bytes.length, s -> s == 10 ? 20 : s, m -> m == 0x11223344 ? 30 : m);

        RtcpCompound parsed = RtcpParser.parse(bytes);
        assertThat(parsed.packets())
                .containsExactly(
                        new SenderReport(20, 1, 2, 3, 4, List.of(BLOCK.withSsrc(30))),
                        new SourceDescription(List.of(new SdesChunk(20, List.of(new SdesItem(1, "x"))))),
                        new GenericNack(20, 30, List.of(new NackItem(1, 0))),
                        new PictureLossIndication(20, 30),
                        new FullIntraRequest(20, 0, List.of(new FirEntry(30, 1))),
                        new Bye(List.of(20), Optional.empty()));
    }

    @Test
    void rewritingMalformedRtcpChangesNothing() {
        byte[] bytes = RtcpWriter.write(new PictureLossIndication(10, 11));
        byte[] truncated = java.util.Arrays.copyOf(bytes, 10);
        byte[] before = truncated.clone();

        assertThatThrownBy(() -> RtcpRewriter.rewrite(truncated, 0, truncated.length, s -> 1, s -> 1))
                .isInstanceOf(RtpFormatException.class);
        assertThat(truncated).isEqualTo(before);
    }

    @Test
    void malformedCompoundsNameTheReason() {
        byte[] rr = RtcpWriter.write(new ReceiverReport(1, List.of(BLOCK)));
        assertReason(new byte[3], Reason.TOO_SHORT);
        byte[] version = rr.clone();
        version[0] = 0x41;
        assertReason(version, Reason.BAD_VERSION);
        byte[] type = rr.clone();
        type[1] = 96;
        assertReason(type, Reason.WRONG_KIND);
        byte[] length = rr.clone();
        length[3] = 9;
        assertReason(length, Reason.BAD_LENGTH);
        byte[] count = rr.clone();
        count[0] = (byte) 0x82; // two blocks claimed, one present
        assertReason(count, Reason.BAD_RTCP_CONTENT);
        byte[] padding = rr.clone();
        padding[0] |= 0x20;
        padding[padding.length - 1] = 0;
        assertReason(padding, Reason.BAD_PADDING);
        byte[] trailing = java.util.Arrays.copyOf(rr, rr.length + 2);
        assertReason(trailing, Reason.TOO_SHORT);
        byte[] emptyNack = HexFormat.of().parseHex("81cd0002" + "00000001" + "00000002");
        assertReason(emptyNack, Reason.BAD_RTCP_CONTENT);
        byte[] sdesNoEnd = HexFormat.of().parseHex("81ca0002" + "00000001" + "01026162");
        assertReason(sdesNoEnd, Reason.BAD_RTCP_CONTENT);
        byte[] byeReason = HexFormat.of().parseHex("81cb0002" + "00000001" + "09616263");
        assertReason(byeReason, Reason.BAD_RTCP_CONTENT);
    }

    @Test
    void limitsBoundWhatOneCompoundMayCarry() {
        List<RtcpPacket> many = new ArrayList<>();
        for (int i = 0; i <= RtcpParser.MAX_PACKETS; i++) {
            many.add(new PictureLossIndication(i, i));
        }
        assertReason(RtcpWriter.compound(many), Reason.LIMIT_EXCEEDED);
        assertReason(new byte[RtcpParser.MAX_LENGTH + 4], Reason.LIMIT_EXCEEDED);
        byte[] bigNack = new byte[12 + 4 * (RtcpParser.MAX_NACK_ITEMS + 1)];
        bigNack[0] = (byte) 0x81;
        bigNack[1] = (byte) RtcpPacket.RTPFB;
        RtpPacket.writeShort(bigNack, 2, bigNack.length / 4 - 1);
        assertReason(bigNack, Reason.LIMIT_EXCEEDED);
    }

    private static void assertReason(byte[] bytes, Reason reason) {
        assertThatThrownBy(() -> RtcpParser.parse(bytes))
                .isInstanceOf(RtpFormatException.class)
                .extracting(e -> ((RtpFormatException) e).reason())
                .isEqualTo(reason);
    }
}
