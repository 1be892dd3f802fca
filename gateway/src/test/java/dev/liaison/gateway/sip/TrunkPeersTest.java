package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trunk peers match exact addresses and CIDR ranges, IPv4 and IPv6. */
class TrunkPeersTest {

    private final TrunkPeers peers = TrunkPeers.parse(List.of("192.0.2.10", "198.51.100.0/24", "2001:db8::/32"));

    @Test
    void exactAddressMatches() throws Exception {
        assertThat(peers.allows(InetAddress.getByName("192.0.2.10"))).isTrue();
        assertThat(peers.allows(InetAddress.getByName("192.0.2.11"))).isFalse();
    }

    @Test
    void cidrRangeMatches() throws Exception {
        assertThat(peers.allows(InetAddress.getByName("198.51.100.200"))).isTrue();
        assertThat(peers.allows(InetAddress.getByName("198.51.101.1"))).isFalse();
        assertThat(peers.allows(InetAddress.getByName("2001:db8:1::5"))).isTrue();
        assertThat(peers.allows(InetAddress.getByName("2001:db9::5"))).isFalse();
    }

    @Test
    void noSourceNeverMatches() {
        assertThat(peers.allows(null)).isFalse();
        assertThat(TrunkPeers.parse(List.of()).allowsHost("127.0.0.1")).isFalse();
    }
}
