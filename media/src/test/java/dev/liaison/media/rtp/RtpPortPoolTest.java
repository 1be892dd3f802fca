package dev.liaison.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.media.leg.LegUnavailableException;
import dev.liaison.media.leg.RtpLegControl;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Port pairs: even RTP port, RTCP on the next; exhausted range and leg limit refuse; close gives ports back. */
class RtpPortPoolTest {

    @Test
    void anExhaustedRangeRefusesTheNextLegAndAClosedLegGivesItsPairBack() {
        try (LegFixture fixture = new LegFixture(2, 10, true)) {
            RtpLegControl first = fixture.legs.open("b1", Optional.empty());
            RtpLegControl second = fixture.legs.open("b2", Optional.empty());
            assertThat(first.localAddress().getPort())
                    .isNotEqualTo(second.localAddress().getPort());
            assertThat(first.localAddress().getPort() % 2).isZero();
            assertThat(fixture.legs.portsInUse()).isEqualTo(2);

            assertThatThrownBy(() -> fixture.legs.open("b3", Optional.empty()))
                    .isInstanceOf(LegUnavailableException.class)
                    .hasMessageContaining("exhausted");

            int freed = first.localAddress().getPort();
            first.close();
            assertThat(fixture.legs.portsInUse()).isEqualTo(1);
            RtpLegControl third = fixture.legs.open("b3", Optional.empty());
            assertThat(third.localAddress().getPort()).isEqualTo(freed);
            assertThat(fixture.registry
                            .get("liaison.media.rtp.ports.in-use")
                            .gauge()
                            .value())
                    .isEqualTo(2);
            second.close();
            third.close();
        }
    }

    @Test
    void theLegLimitRefusesBeforeThePortRange() {
        try (LegFixture fixture = new LegFixture(4, 1, true)) {
            RtpLegControl only = fixture.legs.open("b1", Optional.empty());
            assertThatThrownBy(() -> fixture.legs.open("b2", Optional.empty()))
                    .isInstanceOf(LegUnavailableException.class)
                    .hasMessageContaining("maximum of 1");
            assertThat(fixture.legs.portsInUse()).isEqualTo(1);
            only.close();
        }
    }

    @Test
    void portsHeldByAnotherProcessAreSkipped() throws Exception {
        try (LegFixture fixture = new LegFixture(3, 10, true);
                DatagramSocket squatter =
                        new DatagramSocket(new InetSocketAddress(LegFixture.LOOPBACK, fixture.portMin + 1))) {
            RtpLegControl leg = fixture.legs.open("b1", Optional.empty());
            assertThat(leg.localAddress().getPort()).isEqualTo(fixture.portMin + 2);
            assertThat(squatter.isBound()).isTrue();
            leg.close();
        }
    }

    @Test
    void closingTheFactoryClosesEveryLegAndItsReader() {
        LegFixture fixture = new LegFixture(4, 4, true);
        RtpLegControl a = fixture.legs.open("b1", Optional.empty());
        fixture.legs.open("b2", Optional.empty());
        fixture.close(); // asserts no leg, no port, no reader thread left
        assertThat(a.sendRtp(Packets.rtp(0, 1, 1, 1, 1), 13)).isFalse();
        assertThatThrownBy(() -> fixture.legs.open("b3", Optional.empty())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLegClosedFromItsOwnListenerOnTheReaderThreadReleasesItsPorts() throws Exception {
        try (LegFixture fixture = new LegFixture(4, 4, true)) {
            RtpLegControl leg = fixture.legs.open("b1", Optional.empty());
            leg.listen(new Recorder() {
                @Override
                public void rtp(dev.liaison.media.leg.MediaLeg from, byte[] packet, int length) {
                    from.close();
                }
            });
            java.net.DatagramSocket phone = fixture.socket();
            LegFixture.send(phone, Packets.rtp(0, 1, 1, 1, 10), leg.localAddress());

            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> fixture.legs.portsInUse() == 0);
            assertThat(fixture.legs.openCount()).isZero();
            assertThat(fixture.legs.readerAlive()).isTrue();
        }
    }

    @Test
    void aPoolOfOnePairAllocatesOnlyEvenPorts() {
        RtpPortPool pool = new RtpPortPool(LegFixture.LOOPBACK, 40_001, 40_003);
        assertThat(pool.capacity()).isEqualTo(1);
        assertThatThrownBy(() -> new RtpPortPool(LegFixture.LOOPBACK, 40_001, 40_002))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
