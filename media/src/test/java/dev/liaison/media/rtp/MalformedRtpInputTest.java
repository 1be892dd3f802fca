package dev.liaison.media.rtp;

import dev.liaison.media.rtp.RtcpPacket.Bye;
import dev.liaison.media.rtp.RtcpPacket.FirEntry;
import dev.liaison.media.rtp.RtcpPacket.FullIntraRequest;
import dev.liaison.media.rtp.RtcpPacket.GenericNack;
import dev.liaison.media.rtp.RtcpPacket.NackItem;
import dev.liaison.media.rtp.RtcpPacket.ReportBlock;
import dev.liaison.media.rtp.RtcpPacket.SdesChunk;
import dev.liaison.media.rtp.RtcpPacket.SdesItem;
import dev.liaison.media.rtp.RtcpPacket.SenderReport;
import dev.liaison.media.rtp.RtcpPacket.SourceDescription;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Arbitrary bytes, bit flips and truncations never leave the RTP and RTCP parsers but as {@link RtpFormatException}. */
class MalformedRtpInputTest {

    private static final byte[] COMPOUND = RtcpWriter.compound(List.of(
            new SenderReport(1, 2, 3, 4, 5, List.of(new ReportBlock(6, 7, 8, 9, 10, 11, 12))),
            new SourceDescription(List.of(new SdesChunk(1, List.of(new SdesItem(1, "cname"))))),
            new GenericNack(1, 6, List.of(new NackItem(1, 2))),
            new FullIntraRequest(1, 0, List.of(new FirEntry(6, 1))),
            new Bye(List.of(1), Optional.of("bye"))));

    @Property(tries = 3000)
    void arbitraryBytesParseOrFailWithATypedError(@ForAll("datagrams") byte[] bytes) {
        parseEverything(bytes);
    }

    @Property(tries = 3000)
    void arbitraryVersionTwoBytesParseOrFailWithATypedError(@ForAll("datagrams") byte[] bytes) {
        if (bytes.length > 0) {
            bytes[0] = (byte) (0x80 | (bytes[0] & 0x3F));
        }
        parseEverything(bytes);
    }

    @Property(tries = 2000)
    void bitFlipsAndCutsOfARealCompoundParseOrFailWithATypedError(
            @ForAll("positions") int position, @ForAll("masks") int mask, @ForAll("positions") int cut) {
        byte[] bytes = java.util.Arrays.copyOf(COMPOUND, 1 + cut % COMPOUND.length);
        bytes[position % bytes.length] ^= (byte) mask;
        parseEverything(bytes);
    }

    private static void parseEverything(byte[] bytes) {
        try {
            RtpPacket packet = RtpPacket.parse(bytes);
            packet.toString();
            for (int i = 0; i < packet.csrcCount(); i++) {
                packet.csrc(i);
            }
            packet.extensionLength();
            int end = packet.payloadOffset() + packet.payloadLength();
            if (end > bytes.length || packet.payloadLength() < 0) {
                throw new AssertionError("payload outside the packet");
            }
        } catch (RtpFormatException expected) {
            // typed
        }
        try {
            RtcpCompound compound = RtcpParser.parse(bytes);
            compound.all(GenericNack.class).forEach(GenericNack::lostSequences);
            byte[] copy = bytes.clone();
            RtcpRewriter.rewrite(copy, 0, copy.length, s -> s + 1, s -> s - 1);
        } catch (RtpFormatException expected) {
            // typed
        }
        PacketKind.of(bytes, 0, bytes.length);
    }

    @Provide
    Arbitrary<byte[]> datagrams() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(200);
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 10_000);
    }

    @Provide
    Arbitrary<Integer> masks() {
        return Arbitraries.integers().between(1, 255);
    }
}
