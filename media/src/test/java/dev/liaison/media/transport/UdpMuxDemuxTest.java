package dev.liaison.media.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.media.ice.IceCredentials;
import dev.liaison.media.ice.MutableClock;
import dev.liaison.media.stun.StunDecoder;
import dev.liaison.media.stun.StunIntegrity;
import dev.liaison.media.stun.StunMessage;
import dev.liaison.media.stun.StunMessageBuilder;
import dev.liaison.media.stun.StunMessageType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two peers on real loopback sockets share the muxed port; each gets only its own media. */
class UdpMuxDemuxTest {

    private final MutableClock clock = new MutableClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final UdpMux mux = new UdpMux(
            new MuxSettings(new InetSocketAddress("127.0.0.1", 0), Duration.ofSeconds(30), 4, 100), clock, registry);

    @AfterEach
    void close() {
        mux.close();
    }

    @Test
    void bindingRequestsReachTheirSessionAndBindItsAddressThenMediaFollowsTheAddress() throws Exception {
        MuxSession alice = mux.createSession(new IceCredentials("alic", "alicepassword0123456789"), "pa");
        MuxSession bob = mux.createSession(new IceCredentials("bobb", "bobpassword01234567890x"), "pb");
        try (DatagramSocket a = socket();
                DatagramSocket b = socket();
                DatagramSocket stranger = socket()) {
            StunMessage answerA = check(a, "alic:pa", "alicepassword0123456789", true);
            StunMessage answerB = check(b, "bobb:pb", "bobpassword01234567890x", true);

            assertThat(answerA.type()).isEqualTo(StunMessageType.BINDING_SUCCESS);
            assertThat(answerA.xorMappedAddress()).contains((InetSocketAddress) a.getLocalSocketAddress());
            assertThat(answerB.xorMappedAddress()).contains((InetSocketAddress) b.getLocalSocketAddress());
            assertThat(alice.remoteAddress()).contains((InetSocketAddress) a.getLocalSocketAddress());
            assertThat(mux.sessionAt((InetSocketAddress) b.getLocalSocketAddress()))
                    .contains(bob);

            send(a, rtp(1));
            send(b, new byte[] {22, (byte) 0xfe, (byte) 0xfd}); // a DTLS record header
            send(stranger, rtp(3));

            Datagram forAlice = alice.poll(5, TimeUnit.SECONDS);
            Datagram forBob = bob.poll(5, TimeUnit.SECONDS);
            assertThat(forAlice.packetClass()).isEqualTo(PacketClass.RTP);
            assertThat(forAlice.data()[3]).isEqualTo((byte) 1);
            assertThat(forBob.packetClass()).isEqualTo(PacketClass.DTLS);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> registry.counter("liaison.media.mux.dropped", "reason", "unknown-address")
                                    .count()
                            == 1);
            assertThat(alice.poll(0, TimeUnit.SECONDS)).isNull();

            alice.send(rtp(9));
            DatagramPacket back = new DatagramPacket(new byte[1500], 1500);
            a.receive(back);
            assertThat(back.getData()[3]).isEqualTo((byte) 9);
        }
        alice.close();
        bob.close();
        assertThat(mux.sessionCount()).isZero();
    }

    @Test
    void unknownUfragAndWrongPasswordAreNotBound() throws Exception {
        MuxSession session = mux.createSession(new IceCredentials("sess", "sessionpassword0123456789"), null);
        try (DatagramSocket peer = socket()) {
            send(peer, request("nobody:x", "whatever-password-000000", true));
            StunMessage refused = check(peer, "sess:x", "wrong-password-0000000000", true);

            assertThat(refused.type()).isEqualTo(StunMessageType.BINDING_ERROR);
            assertThat(refused.errorCode().orElseThrow().code()).isEqualTo(401);
            assertThat(session.remoteAddress()).isEmpty();
            assertThat(registry.counter("liaison.media.mux.dropped", "reason", "unknown-ufrag")
                            .count())
                    .isEqualTo(1);
        }
    }

    @Test
    void fullSessionQueueDropsAndCounts() throws Exception {
        MuxSession session = mux.createSession(new IceCredentials("full", "fullpassword0123456789xx"), "p");
        try (DatagramSocket peer = socket()) {
            check(peer, "full:p", "fullpassword0123456789xx", true);
            for (int i = 0; i < 10; i++) {
                send(peer, rtp(i));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> session.dropped() == 6);
        }
    }

    @Test
    void sessionWithoutConsentIsSweptAfterThirtySeconds() throws Exception {
        MuxSession session = mux.createSession(new IceCredentials("cons", "consentpassword0123456789"), "p");
        try (DatagramSocket peer = socket()) {
            check(peer, "cons:p", "consentpassword0123456789", true);
        }
        clock.advance(Duration.ofSeconds(29));
        assertThat(mux.sweepExpiredConsent()).isEmpty();
        clock.advance(Duration.ofSeconds(2));

        assertThat(mux.sweepExpiredConsent()).containsExactly(session);
        assertThat(mux.sessionCount()).isZero();
        assertThat(mux.sessionAt(session.remoteAddress().orElseThrow())).isEmpty();
    }

    @Test
    void ipv6LoopbackWorksToo() throws Exception {
        try (UdpMux v6 = new UdpMux(
                        new MuxSettings(new InetSocketAddress("::1", 0), Duration.ofSeconds(30), 4, 10),
                        clock,
                        registry);
                DatagramSocket peer = new DatagramSocket(new InetSocketAddress("::1", 0))) {
            peer.setSoTimeout(5000);
            MuxSession session = v6.createSession(new IceCredentials("six6", "ipv6password0123456789xx"), "p");
            byte[] request = request("six6:p", "ipv6password0123456789xx", true);
            peer.send(new DatagramPacket(request, request.length, v6.localAddress()));
            DatagramPacket reply = new DatagramPacket(new byte[1500], 1500);
            peer.receive(reply);

            StunMessage answer = StunDecoder.decode(reply.getData(), 0, reply.getLength());
            assertThat(answer.xorMappedAddress()).contains((InetSocketAddress) peer.getLocalSocketAddress());
            assertThat(session.remoteAddress()).contains((InetSocketAddress) peer.getLocalSocketAddress());
        }
    }

    private DatagramSocket socket() throws Exception {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(5000);
        return socket;
    }

    private StunMessage check(DatagramSocket peer, String username, String pwd, boolean nominate) throws Exception {
        send(peer, request(username, pwd, nominate));
        DatagramPacket reply = new DatagramPacket(new byte[1500], 1500);
        peer.receive(reply);
        return StunDecoder.decode(reply.getData(), 0, reply.getLength());
    }

    private static byte[] request(String username, String pwd, boolean nominate) {
        byte[] tid = new byte[12];
        ThreadLocalRandom.current().nextBytes(tid);
        StunMessageBuilder builder = new StunMessageBuilder(StunMessageType.BINDING_REQUEST, tid)
                .username(username)
                .priority(0x6e0001ffL)
                .iceControlling(7);
        if (nominate) {
            builder.useCandidate();
        }
        return builder.build(StunIntegrity.shortTermKey(pwd), true);
    }

    private void send(DatagramSocket from, byte[] data) throws Exception {
        from.send(new DatagramPacket(data, data.length, mux.localAddress()));
    }

    private static byte[] rtp(int seq) {
        byte[] packet = new byte[12];
        packet[0] = (byte) 0x80;
        packet[1] = 0;
        packet[3] = (byte) seq;
        return packet;
    }
}
