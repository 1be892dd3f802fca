package dev.liaison.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SrtpSessionTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SrtpMetrics metrics = new SrtpMetrics(registry);

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtpAndRtcpSurviveARoundTripAndReplayedOrTamperedPacketsAreRejected(SrtpProfile profile) {
        SdesCrypto a = SdesCrypto.generate(1, profile);
        SdesCrypto b = SdesCrypto.generate(1, profile);
        try (SrtpSession alice = new SrtpSession(a.keyingWith(b), 4, metrics);
                SrtpSession bob = new SrtpSession(b.keyingWith(a), 4, metrics)) {
            for (int seq = 65530; seq < 65545; seq++) { // crosses the rollover of the sequence number
                byte[] rtp = rtp(seq & 0xffff, 0x11223344);
                SrtpResult sent = alice.protectRtp(rtp, 0, rtp.length);
                assertThat(sent.packet()).hasSize(rtp.length + profile.rtpTagLength());
                assertThat(bob.unprotectRtp(sent.packet(), 0, sent.packet().length)
                                .packet())
                        .isEqualTo(rtp);
                if (seq == 65540) {
                    assertThat(bob.unprotectRtp(sent.packet(), 0, sent.packet().length)
                                    .outcome())
                            .isEqualTo(SrtpOutcome.REPLAYED);
                }
            }
            byte[] rtp = rtp(9, 0x11223344);
            byte[] tampered = alice.protectRtp(rtp, 0, rtp.length).packet();
            tampered[14] ^= 1;
            assertThat(bob.unprotectRtp(tampered, 0, tampered.length).outcome()).isEqualTo(SrtpOutcome.AUTH_FAILED);

            byte[] rtcp = rtcp(0x11223344);
            SrtpResult srtcp = alice.protectRtcp(rtcp, 0, rtcp.length);
            assertThat(bob.unprotectRtcp(srtcp.packet(), 0, srtcp.packet().length)
                            .packet())
                    .isEqualTo(rtcp);
            assertThat(bob.unprotectRtcp(srtcp.packet(), 0, srtcp.packet().length)
                            .outcome())
                    .isEqualTo(SrtpOutcome.REPLAYED);
            byte[] badRtcp = alice.protectRtcp(rtcp, 0, rtcp.length).packet();
            badRtcp[9] ^= 0x40;
            assertThat(bob.unprotectRtcp(badRtcp, 0, badRtcp.length).outcome()).isEqualTo(SrtpOutcome.AUTH_FAILED);
        }
        assertThat(count("unprotect", "rtp", SrtpOutcome.REPLAYED)).isEqualTo(1.0);
        assertThat(count("unprotect", "rtp", SrtpOutcome.AUTH_FAILED)).isEqualTo(1.0);
    }

    @ParameterizedTest
    @EnumSource(
            value = SrtpProfile.class,
            names = {"AES128_CM_HMAC_SHA1_80", "AEAD_AES_128_GCM"})
    void truncatedPacketsAndTooManySsrcsAreDroppedWithoutThrowing(SrtpProfile profile) {
        SdesCrypto a = SdesCrypto.generate(1, profile);
        try (SrtpSession session = new SrtpSession(a.keyingWith(a), 2, metrics)) {
            for (int len = 0; len < 30; len++) {
                byte[] junk = new byte[len];
                Arrays.fill(junk, (byte) 0x80);
                assertThat(session.unprotectRtp(junk, 0, len).ok()).isFalse();
                assertThat(session.unprotectRtcp(junk, 0, len).ok()).isFalse();
            }
            byte[] one = rtp(1, 1);
            byte[] two = rtp(1, 2);
            byte[] three = rtp(1, 3);
            assertThat(session.protectRtp(one, 0, one.length).ok()).isTrue();
            assertThat(session.protectRtp(two, 0, two.length).ok()).isTrue();
            assertThat(session.protectRtp(three, 0, three.length).outcome()).isEqualTo(SrtpOutcome.TOO_MANY_SSRCS);
        }
        assertThat(count("unprotect", "rtp", SrtpOutcome.MALFORMED)).isPositive();
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void reusedBuffersTransformInPlaceToTheSameBytesAsTheCopyingCalls(SrtpProfile profile) {
        SdesCrypto a = SdesCrypto.generate(1, profile);
        SdesCrypto b = SdesCrypto.generate(1, profile);
        try (SrtpSession alice = new SrtpSession(a.keyingWith(b), 4, metrics);
                SrtpSession aliceCopying = new SrtpSession(a.keyingWith(b), 4, metrics);
                SrtpSession bob = new SrtpSession(b.keyingWith(a), 4, metrics)) {
            PacketBuffer protect = new PacketBuffer(0); // too small at first: it grows for the packet and its tag
            PacketBuffer unprotect = new PacketBuffer(0);
            for (int seq = 65530; seq < 65545; seq++) {
                int ssrc = seq % 2 == 0 ? 0x11223344 : 0x55667788; // two streams: the context cache switches
                byte[] rtp = rtp(seq & 0xffff, ssrc);
                byte[] original = rtp.clone();
                assertThat(alice.protectRtp(protect.copyOf(rtp, 0, rtp.length))).isEqualTo(SrtpOutcome.OK);
                assertThat(rtp).isEqualTo(original); // the caller's packet is copied, never changed
                byte[] wire =
                        Arrays.copyOfRange(protect.array(), protect.offset(), protect.offset() + protect.length());
                assertThat(wire)
                        .isEqualTo(aliceCopying.protectRtp(rtp, 0, rtp.length).packet());

                byte[] received = Arrays.copyOf(wire, wire.length + 7); // a receive buffer is larger than the packet
                assertThat(bob.unprotectRtp(unprotect.wrap(received, 0, wire.length)))
                        .isEqualTo(SrtpOutcome.OK);
                assertThat(unprotect.array()).isSameAs(received);
                assertThat(Arrays.copyOfRange(received, unprotect.offset(), unprotect.offset() + unprotect.length()))
                        .isEqualTo(rtp);
                assertThat(bob.unprotectRtp(unprotect.wrap(wire.clone(), 0, wire.length)))
                        .isEqualTo(SrtpOutcome.REPLAYED);
            }
            byte[] rtcp = rtcp(0x11223344);
            assertThat(alice.protectRtcp(protect.copyOf(rtcp, 0, rtcp.length))).isEqualTo(SrtpOutcome.OK);
            byte[] srtcp = Arrays.copyOfRange(protect.array(), protect.offset(), protect.offset() + protect.length());
            srtcp[9] ^= 0x40;
            assertThat(bob.unprotectRtcp(unprotect.wrap(srtcp, 0, srtcp.length)))
                    .isEqualTo(SrtpOutcome.AUTH_FAILED);
            srtcp[9] ^= 0x40;
            assertThat(bob.unprotectRtcp(unprotect.wrap(srtcp, 0, srtcp.length)))
                    .isEqualTo(SrtpOutcome.OK);
            assertThat(Arrays.copyOfRange(srtcp, unprotect.offset(), unprotect.offset() + unprotect.length()))
                    .isEqualTo(rtcp);
        }
        assertThat(count("unprotect", "rtp", SrtpOutcome.REPLAYED)).isEqualTo(15.0);
        assertThat(count("unprotect", "rtcp", SrtpOutcome.AUTH_FAILED)).isEqualTo(1.0);
    }

    private double count(String op, String kind, SrtpOutcome outcome) {
        return registry.counter("liaison.media.srtp.dropped", "operation", op, "kind", kind, "outcome", outcome.name())
                .count();
    }

    static byte[] rtp(int seq, int ssrc) {
        byte[] p = new byte[12 + 160];
        p[0] = (byte) 0x80;
        p[1] = 0;
        p[2] = (byte) (seq >> 8);
        p[3] = (byte) seq;
        p[7] = (byte) 160;
        p[8] = (byte) (ssrc >> 24);
        p[9] = (byte) (ssrc >> 16);
        p[10] = (byte) (ssrc >> 8);
        p[11] = (byte) ssrc;
        for (int i = 12; i < p.length; i++) {
            p[i] = (byte) i;
        }
        return p;
    }

    static byte[] rtcp(int ssrc) {
        // a receiver report with no report blocks
        return new byte[] {
            (byte) 0x80, (byte) 201, 0, 1, (byte) (ssrc >> 24), (byte) (ssrc >> 16), (byte) (ssrc >> 8), (byte) ssrc
        };
    }
}
