package dev.liaison.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.media.leg.RtpLegControl;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The same legs on the IPv6 loopback; skipped where the host has none, unless under CI. */
class RtpIpv6LegTest {

    @Test
    void legsOnIpv6LoopbackExchangeRtp() throws Exception {
        java.net.InetAddress v6 = java.net.InetAddress.getByName("::1");
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(v6, 0))) {
            org.junit.jupiter.api.Assumptions.assumeTrue(probe.isBound());
        } catch (java.net.SocketException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("CI") != null, "no IPv6 loopback here");
            throw e;
        }
        try (LegFixture v6Fixture = new LegFixture(v6, 4, 4, true)) {
            RtpLegControl a = v6Fixture.legs.open("bridge-v6", Optional.empty());
            RtpLegControl b = v6Fixture.legs.open("bridge-v6", Optional.empty());
            Recorder atB = new Recorder();
            b.listen(atB);
            a.remoteDescription(Optional.of(b.localAddress()), Optional.empty(), false, Optional.empty());
            assertThat(a.sendRtp(Packets.rtp(0, 1, 160, 6, 10), 22)).isTrue();
            assertThat(RtpPacket.parse(atB.nextRtp()).ssrc()).isEqualTo(6);
            assertThat(((RtpLeg) a).advertisedAddress().getAddress()).isEqualTo(v6);
            a.close();
            b.close();
        }
    }
}
