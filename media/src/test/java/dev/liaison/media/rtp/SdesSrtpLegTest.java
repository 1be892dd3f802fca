package dev.liaison.media.rtp;

import static dev.liaison.media.rtp.LegFixture.address;
import static dev.liaison.media.rtp.LegFixture.receive;
import static dev.liaison.media.rtp.LegFixture.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.liaison.media.leg.RtpLegControl;
import dev.liaison.media.rtp.RtcpPacket.SenderReport;
import dev.liaison.media.srtp.SdesCrypto;
import dev.liaison.media.srtp.SrtpMetrics;
import dev.liaison.media.srtp.SrtpProfile;
import dev.liaison.media.srtp.SrtpResult;
import dev.liaison.media.srtp.SrtpSession;
import java.net.DatagramSocket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SDES-SRTP legs (RTP/SAVP, RFC 4568 keys): the bridge sees plain packets, the wire carries SRTP. */
class SdesSrtpLegTest {
    private static final Optional<SrtpProfile> SDES = Optional.of(SrtpProfile.AES128_CM_HMAC_SHA1_80);

    private final LegFixture fixture = new LegFixture();

    @AfterEach
    void noLeak() {
        fixture.close();
    }

    @Test
    void twoSdesLegsWithEachOthersCryptoLinesExchangePlainRtpAndRtcp() throws Exception {
        RtpLegControl a = fixture.legs.open("bridge", SDES);
        RtpLegControl b = fixture.legs.open("bridge", SDES);
        Recorder atA = new Recorder();
        Recorder atB = new Recorder();
        a.listen(atA);
        b.listen(atB);
        assertThat(a.localCrypto())
                .hasValueSatisfying(c -> assertThat(c).startsWith("1 AES_CM_128_HMAC_SHA1_80 inline:"));
        assertThat(a.localCrypto()).isNotEqualTo(b.localCrypto());

        a.remoteDescription(Optional.of(b.localAddress()), Optional.empty(), false, b.localCrypto());
        b.remoteDescription(Optional.of(a.localAddress()), Optional.empty(), false, a.localCrypto());
        assertThat(a.ready()).isTrue();

        byte[] plain = Packets.rtp(0, 10, 1600, 0xAAAA, 160);
        assertThat(a.sendRtp(plain, plain.length)).isTrue();
        assertThat(atB.nextRtp()).isEqualTo(plain);
        byte[] back = Packets.rtp(0, 20, 3200, 0xBBBB, 160);
        assertThat(b.sendRtp(back, back.length)).isTrue();
        assertThat(atA.nextRtp()).isEqualTo(back);

        assertThat(((RtpLeg) a).sendReport()).isTrue();
        SenderReport sr =
                RtcpParser.parse(atB.nextRtcp()).all(SenderReport.class).get(0);
        assertThat(sr.senderSsrc()).isEqualTo(0xAAAA);
        assertThat(b.statistics().dropped()).isZero();
        a.close();
        b.close();
    }

    @Test
    void theWireCarriesSrtpThatAnIndependentSessionUnprotectsAndReplaysAreDropped() throws Exception {
        RtpLegControl leg = fixture.legs.open("bridge", SDES);
        Recorder recorder = new Recorder();
        leg.listen(recorder);
        DatagramSocket phone = fixture.socket();
        SdesCrypto phoneCrypto = SdesCrypto.generate(1, SrtpProfile.AES128_CM_HMAC_SHA1_80);
        leg.remoteDescription(Optional.of(address(phone)), Optional.empty(), false, Optional.of(phoneCrypto.format()));
        SdesCrypto legCrypto = SdesCrypto.parse(leg.localCrypto().orElseThrow());
        try (SrtpSession phoneSession =
                new SrtpSession(phoneCrypto.keyingWith(legCrypto), 4, new SrtpMetrics(fixture.registry))) {

            byte[] plain = Packets.rtp(0, 1, 160, 0x1234, 160);
            assertThat(leg.sendRtp(plain, plain.length)).isTrue();
            byte[] wire = receive(phone);
            assertThat(wire).hasSize(plain.length + 10).isNotEqualTo(plain);
            SrtpResult opened = phoneSession.unprotectRtp(wire, 0, wire.length);
            assertThat(opened.ok()).isTrue();
            assertThat(opened.packet()).isEqualTo(plain);

            byte[] fromPhone = Packets.rtp(0, 500, 80_000, 0x9999, 160);
            byte[] protectedPacket =
                    phoneSession.protectRtp(fromPhone, 0, fromPhone.length).packet();
            send(phone, protectedPacket, leg.localAddress());
            assertThat(recorder.nextRtp()).isEqualTo(fromPhone);

            // The same description again (a re-INVITE without new keys) keeps the replay window.
            leg.remoteDescription(
                    Optional.of(address(phone)), Optional.empty(), false, Optional.of(phoneCrypto.format()));
            send(phone, protectedPacket, leg.localAddress());
            await().atMost(Duration.ofSeconds(5)).until(() -> fixture.dropped("in", RtpDrop.REPLAYED) == 1);
            assertThat(recorder.rtp).isEmpty();
            assertThat(leg.statistics().dropped()).isEqualTo(1);
        }
        leg.close();
    }

    @Test
    void packetsUnderTheWrongKeyAreDroppedAndCountedAndDoNotLatch() throws Exception {
        RtpLegControl a = fixture.legs.open("bridge", SDES);
        RtpLegControl b = fixture.legs.open("bridge", SDES);
        Recorder atB = new Recorder();
        b.listen(atB);
        a.listen(new Recorder());
        String wrong =
                SdesCrypto.generate(1, SrtpProfile.AES128_CM_HMAC_SHA1_80).format();
        a.remoteDescription(Optional.of(b.localAddress()), Optional.empty(), false, b.localCrypto());
        b.remoteDescription(Optional.of(a.localAddress()), Optional.empty(), false, Optional.of(wrong));

        for (int seq = 1; seq <= 3; seq++) {
            byte[] plain = Packets.rtp(0, seq, seq * 160L, 0xAAAA, 160);
            assertThat(a.sendRtp(plain, plain.length)).isTrue();
        }
        assertThat(((RtpLeg) a).sendReport()).isTrue();

        await().atMost(Duration.ofSeconds(5)).until(() -> b.statistics().dropped() == 4);
        assertThat(fixture.dropped("in", RtpDrop.AUTH_FAILED)).isEqualTo(4);
        assertThat(atB.rtp).isEmpty();
        assertThat(atB.rtcp).isEmpty();
        assertThat(b.statistics().packetsReceived()).isZero();
        assertThat(b.lastReceived()).isEmpty();
        assertThat(fixture.counter("liaison.media.rtp.latched")).isZero();
        a.close();
        b.close();
    }

    @Test
    void srtpBeforeThePeersKeyIsDroppedAsNotReady() throws Exception {
        RtpLegControl leg = fixture.legs.open("bridge", SDES);
        leg.listen(new Recorder());
        DatagramSocket phone = fixture.socket();

        send(phone, Packets.rtp(0, 1, 160, 1, 170), leg.localAddress());

        await().atMost(Duration.ofSeconds(5)).until(() -> fixture.dropped("in", RtpDrop.NOT_READY) == 1);
        assertThat(leg.ready()).isFalse();
        leg.close();
    }

    @Test
    void cryptoLinesThatDoNotFitTheLegAreRefused() {
        RtpLegControl sdes = fixture.legs.open("bridge", SDES);
        RtpLegControl plain = fixture.legs.open("bridge", Optional.empty());
        Optional<java.net.InetSocketAddress> to = Optional.of(plain.localAddress());

        assertThatThrownBy(() -> sdes.remoteDescription(to, Optional.empty(), false, Optional.of("1 nonsense")))
                .isInstanceOf(IllegalArgumentException.class);
        String otherSuite = SdesCrypto.generate(1, SrtpProfile.AEAD_AES_256_GCM).format();
        assertThatThrownBy(() -> sdes.remoteDescription(to, Optional.empty(), false, Optional.of(otherSuite)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AEAD_AES_256_GCM");
        assertThatThrownBy(() -> sdes.remoteDescription(to, Optional.empty(), false, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs the peer's a=crypto");
        assertThatThrownBy(() -> plain.remoteDescription(to, Optional.empty(), false, sdes.localCrypto()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(plain.localCrypto()).isEmpty();
        assertThat(sdes.ready()).isFalse();
        sdes.close();
        plain.close();
    }

    @Test
    void everySdesSuiteRoundTrips() throws Exception {
        for (SrtpProfile profile : SrtpProfile.values()) {
            RtpLegControl a = fixture.legs.open("bridge", Optional.of(profile));
            RtpLegControl b = fixture.legs.open("bridge", Optional.of(profile));
            Recorder atB = new Recorder();
            b.listen(atB);
            a.remoteDescription(Optional.of(b.localAddress()), Optional.empty(), true, b.localCrypto());
            b.remoteDescription(Optional.of(a.localAddress()), Optional.empty(), true, a.localCrypto());
            byte[] plain = Packets.rtp(0, 1, 160, 7, 160);
            assertThat(a.sendRtp(plain, plain.length)).isTrue();
            assertThat(atB.nextRtp()).as(profile.name()).isEqualTo(plain);
            a.close();
            b.close();
        }
    }
}
