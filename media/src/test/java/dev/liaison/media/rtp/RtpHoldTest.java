package dev.liaison.media.rtp;

import static dev.liaison.media.rtp.LegFixture.address;
import static dev.liaison.media.rtp.LegFixture.assertSilent;
import static dev.liaison.media.rtp.LegFixture.receive;
import static dev.liaison.media.rtp.LegFixture.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.media.leg.RtpLegControl;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A re-INVITE with {@code c=0.0.0.0} (given as RTP empty) holds the leg: it sends nothing until resumed. */
class RtpHoldTest {

    @Test
    void aHeldLegSendsNoRtpNorRtcpAndResumesOnTheNextDescription() throws Exception {
        try (LegFixture fixture = new LegFixture()) {
            RtpLegControl leg = fixture.legs.open("bridge", Optional.empty());
            Recorder recorder = new Recorder();
            leg.listen(recorder);
            DatagramSocket phone = fixture.socket();
            leg.remoteDescription(Optional.of(address(phone)), Optional.empty(), true, Optional.empty());
            assertThat(leg.sendRtp(Packets.rtp(0, 1, 160, 1, 10), 22)).isTrue();
            receive(phone);

            leg.remoteDescription(Optional.empty(), Optional.empty(), true, Optional.empty());

            assertThat(leg.ready()).isFalse();
            assertThat(leg.sendRtp(Packets.rtp(0, 2, 320, 1, 10), 22)).isFalse();
            assertThat(((RtpLeg) leg).sendReport()).isFalse();
            assertSilent(phone, 300);
            assertThat(fixture.dropped("out", RtpDrop.ON_HOLD)).isEqualTo(2);
            // the held phone may still send (music on hold): it is heard
            send(phone, Packets.rtp(0, 7, 160, 5, 10), leg.localAddress());
            assertThat(RtpPacket.parse(recorder.nextRtp()).sequence()).isEqualTo(7);

            leg.remoteDescription(Optional.of(address(phone)), Optional.empty(), true, Optional.empty());
            assertThat(leg.sendRtp(Packets.rtp(0, 3, 480, 1, 10), 22)).isTrue();
            assertThat(RtpPacket.parse(receive(phone)).sequence()).isEqualTo(3);
            leg.close();
        }
    }

    @Test
    void aWildcardAddressOrPortZeroIsAHoldToo() throws Exception {
        try (LegFixture fixture = new LegFixture()) {
            RtpLegControl leg = fixture.legs.open("bridge", Optional.empty());
            leg.remoteDescription(
                    Optional.of(new InetSocketAddress("0.0.0.0", 4000)), Optional.empty(), false, Optional.empty());
            assertThat(leg.sendRtp(Packets.rtp(0, 1, 160, 1, 10), 22)).isFalse();
            leg.remoteDescription(
                    Optional.of(new InetSocketAddress(LegFixture.LOOPBACK, 0)),
                    Optional.empty(),
                    false,
                    Optional.empty());
            assertThat(leg.sendRtp(Packets.rtp(0, 1, 160, 1, 10), 22)).isFalse();
            assertThat(fixture.dropped("out", RtpDrop.ON_HOLD)).isEqualTo(2);
            leg.close();
        }
    }
}
