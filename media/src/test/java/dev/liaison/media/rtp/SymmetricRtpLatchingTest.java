package dev.liaison.media.rtp;

import static dev.liaison.media.rtp.LegFixture.address;
import static dev.liaison.media.rtp.LegFixture.assertSilent;
import static dev.liaison.media.rtp.LegFixture.receive;
import static dev.liaison.media.rtp.LegFixture.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.media.leg.RtpLegControl;
import java.net.DatagramSocket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A phone behind NAT: its SDP names one address, its packets come from another (symmetric RTP, RFC 4961). */
class SymmetricRtpLatchingTest {

    @Test
    void theLegSendsToTheSdpAddressUntilTheFirstValidPacketThenToItsSource() throws Exception {
        try (LegFixture fixture = new LegFixture()) {
            RtpLegControl leg = fixture.legs.open("bridge", Optional.empty());
            Recorder recorder = new Recorder();
            leg.listen(recorder);
            DatagramSocket sdp = fixture.socket(); // what the SDP said (private address behind the NAT)
            DatagramSocket nat = fixture.socket(); // where the phone's packets really come from
            DatagramSocket stranger = fixture.socket();
            leg.remoteDescription(Optional.of(address(sdp)), Optional.empty(), true, Optional.empty());

            assertThat(leg.sendRtp(Packets.rtp(0, 1, 160, 1, 10), 22)).isTrue();
            assertThat(RtpPacket.parse(receive(sdp)).sequence()).isEqualTo(1);

            send(nat, new byte[] {(byte) 0x80}, leg.localAddress()); // invalid: does not latch
            send(nat, Packets.rtp(0, 50, 8000, 9, 10), leg.localAddress());
            recorder.nextRtp();
            assertThat(leg.sendRtp(Packets.rtp(0, 2, 320, 1, 10), 22)).isTrue();
            assertThat(RtpPacket.parse(receive(nat)).sequence()).isEqualTo(2);
            assertThat(((RtpLeg) leg).sendReport()).isTrue(); // muxed RTCP follows the latched RTP address
            assertThat(PacketKind.of(receive(nat), 0, 8)).isEqualTo(PacketKind.RTCP);

            send(stranger, Packets.rtp(0, 51, 8160, 9, 10), leg.localAddress());
            await().atMost(Duration.ofSeconds(5)).until(() -> fixture.dropped("in", RtpDrop.UNEXPECTED_SOURCE) == 1);
            assertThat(recorder.rtp).isEmpty();
            assertThat(fixture.counter("liaison.media.rtp.latched")).isEqualTo(1);
            assertSilent(sdp, 200);

            // A re-INVITE moves the media: the leg forgets the latch and latches to the new source.
            leg.remoteDescription(Optional.of(address(stranger)), Optional.empty(), true, Optional.empty());
            send(stranger, Packets.rtp(0, 52, 8320, 9, 10), leg.localAddress());
            recorder.nextRtp();
            assertThat(leg.sendRtp(Packets.rtp(0, 3, 480, 1, 10), 22)).isTrue();
            assertThat(RtpPacket.parse(receive(stranger)).sequence()).isEqualTo(3);
            leg.close();
        }
    }

    @Test
    void withLatchingOffOnlyTheSdpAddressIsHeardAndUsed() throws Exception {
        try (LegFixture fixture = new LegFixture(4, 4, false)) {
            RtpLegControl leg = fixture.legs.open("bridge", Optional.empty());
            Recorder recorder = new Recorder();
            leg.listen(recorder);
            DatagramSocket sdp = fixture.socket();
            DatagramSocket other = fixture.socket();
            leg.remoteDescription(Optional.of(address(sdp)), Optional.empty(), false, Optional.empty());

            send(other, Packets.rtp(0, 1, 160, 9, 10), leg.localAddress());
            send(sdp, Packets.rtp(0, 2, 320, 9, 10), leg.localAddress());

            assertThat(RtpPacket.parse(recorder.nextRtp()).sequence()).isEqualTo(2);
            assertThat(fixture.dropped("in", RtpDrop.UNEXPECTED_SOURCE)).isEqualTo(1);
            assertThat(leg.sendRtp(Packets.rtp(0, 3, 480, 1, 10), 22)).isTrue();
            assertThat(RtpPacket.parse(receive(sdp)).sequence()).isEqualTo(3);
            assertThat(fixture.counter("liaison.media.rtp.latched")).isZero();
            leg.close();
        }
    }
}
