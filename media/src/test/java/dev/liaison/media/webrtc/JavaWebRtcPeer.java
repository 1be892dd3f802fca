package dev.liaison.media.webrtc;

import dev.liaison.media.dtls.CertificateFingerprint;
import dev.liaison.media.dtls.DtlsCertificate;
import dev.liaison.media.dtls.DtlsCertificateService;
import dev.liaison.media.dtls.DtlsMetrics;
import dev.liaison.media.dtls.DtlsRole;
import dev.liaison.media.dtls.DtlsSettings;
import dev.liaison.media.dtls.DtlsSrtpEndpoint;
import dev.liaison.media.ice.IceCredentials;
import dev.liaison.media.srtp.SrtpKeyingMaterial;
import dev.liaison.media.srtp.SrtpMetrics;
import dev.liaison.media.srtp.SrtpSession;
import dev.liaison.media.stun.StunDecoder;
import dev.liaison.media.stun.StunIntegrity;
import dev.liaison.media.stun.StunMessage;
import dev.liaison.media.stun.StunMessageBuilder;
import dev.liaison.media.stun.StunMessageType;
import dev.liaison.media.transport.PacketClass;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * What a browser does on the wire, in Java: STUN binding requests (controlling, USE-CANDIDATE, MESSAGE-INTEGRITY with
 * the leg's password), a Bouncy Castle DTLS-SRTP endpoint (our {@link DtlsSrtpEndpoint}, in the role the leg leaves
 * it), and SRTP with the keys that handshake exported. Everything on one loopback socket, like a bundled browser.
 */
final class JavaWebRtcPeer implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    final IceCredentials ice = IceCredentials.random(RANDOM);
    final DtlsCertificate certificate = new DtlsCertificateService(Clock.systemUTC(), Duration.ofDays(1)).current();
    private final DatagramSocket socket;
    private final InetSocketAddress mux;
    private final Thread reader;
    private final ExecutorService dtlsThreads = Executors.newCachedThreadPool();
    private final BlockingQueue<StunMessage> stun = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> srtp = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> srtcp = new LinkedBlockingQueue<>();
    private volatile DtlsSrtpEndpoint dtls;
    private volatile SrtpSession session;

    JavaWebRtcPeer(InetSocketAddress mux) throws IOException {
        this.mux = mux;
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        reader = new Thread(this::read, "peer-" + socket.getLocalPort());
        reader.setDaemon(true);
        reader.start();
    }

    String fingerprint() {
        return certificate.fingerprint().toSdp();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** One binding request as Chromium sends it; the answer, or null after 5 s. */
    StunMessage check(WebRtcLeg leg, boolean nominate) throws Exception {
        return check(leg.localUfrag() + ":" + ice.ufrag(), leg.localPassword(), nominate);
    }

    StunMessage check(String username, String password, boolean nominate) throws Exception {
        sendCheck(username, password, nominate);
        return stun.poll(5, TimeUnit.SECONDS);
    }

    /** Sends a binding request without waiting for its answer. */
    void sendCheck(String username, String password, boolean nominate) throws IOException {
        byte[] tid = new byte[12];
        ThreadLocalRandom.current().nextBytes(tid);
        StunMessageBuilder builder = new StunMessageBuilder(StunMessageType.BINDING_REQUEST, tid)
                .username(username)
                .priority(0x6e0001ffL)
                .iceControlling(RANDOM.nextLong());
        if (nominate) {
            builder.useCandidate();
        }
        send(builder.build(StunIntegrity.shortTermKey(password), true));
    }

    /** Starts DTLS in {@code role} against the leg's certificate; completes with this side's SRTP keys. */
    CompletableFuture<SrtpKeyingMaterial> dtls(DtlsRole role, String legFingerprint) {
        return dtls(role, legFingerprint, DtlsSettings.defaults());
    }

    CompletableFuture<SrtpKeyingMaterial> dtls(DtlsRole role, String legFingerprint, DtlsSettings settings) {
        DtlsSrtpEndpoint endpoint = new DtlsSrtpEndpoint(
                role,
                certificate,
                CertificateFingerprint.parse(legFingerprint),
                settings,
                (data, off, len) -> send(Arrays.copyOfRange(data, off, off + len)),
                dtlsThreads,
                new DtlsMetrics(new SimpleMeterRegistry()));
        dtls = endpoint;
        return endpoint.start().thenApply(keys -> {
            session = new SrtpSession(keys, 16, new SrtpMetrics(new SimpleMeterRegistry()));
            return keys;
        });
    }

    SrtpSession srtp() {
        return session;
    }

    /** Protects and sends one plain RTP packet; returns what went on the wire. */
    byte[] sendRtp(byte[] plain) throws IOException {
        byte[] wire = session.protectRtp(plain, 0, plain.length).packet();
        send(wire);
        return wire;
    }

    byte[] sendRtcp(byte[] plain) throws IOException {
        byte[] wire = session.protectRtcp(plain, 0, plain.length).packet();
        send(wire);
        return wire;
    }

    /** The next SRTP packet from the leg, unprotected with this peer's keys; null after 5 s. */
    byte[] receiveRtp() throws InterruptedException {
        byte[] wire = srtp.poll(5, TimeUnit.SECONDS);
        return wire == null ? null : session.unprotectRtp(wire, 0, wire.length).packet();
    }

    byte[] receiveRtcp() throws InterruptedException {
        byte[] wire = srtcp.poll(5, TimeUnit.SECONDS);
        return wire == null ? null : session.unprotectRtcp(wire, 0, wire.length).packet();
    }

    /** Sends raw bytes from this peer's socket to the muxed port. */
    void send(byte[] data) throws IOException {
        socket.send(new DatagramPacket(data, data.length, mux));
    }

    private void read() {
        byte[] buf = new byte[2048];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                return;
            }
            byte[] data = Arrays.copyOf(p.getData(), p.getLength());
            switch (PacketClass.of(data, data.length)) {
                case STUN -> {
                    try {
                        stun.add(StunDecoder.decode(data));
                    } catch (Exception e) {
                        // the leg never sends broken STUN; a test asserting on answers would time out
                    }
                }
                case DTLS -> {
                    DtlsSrtpEndpoint d = dtls;
                    if (d != null) {
                        d.receive(data);
                    }
                }
                case RTP -> srtp.add(data);
                case RTCP -> srtcp.add(data);
                default -> {}
            }
        }
    }

    @Override
    public void close() {
        DtlsSrtpEndpoint d = dtls;
        if (d != null) {
            d.close();
        }
        socket.close();
        dtlsThreads.shutdownNow();
    }

    /** A plain RTP packet: version 2, {@code payloadType}, sequence, timestamp 160 per packet, 20 payload bytes. */
    static byte[] rtp(int payloadType, int sequence, int ssrc) {
        return rtp(payloadType, sequence, sequence * 160L, ssrc);
    }

    /** The same with the RTP timestamp given. */
    static byte[] rtp(int payloadType, int sequence, long rtpTimestamp, int ssrc) {
        byte[] packet = new byte[32];
        packet[0] = (byte) 0x80;
        packet[1] = (byte) payloadType;
        packet[2] = (byte) (sequence >> 8);
        packet[3] = (byte) sequence;
        int timestamp = (int) rtpTimestamp;
        packet[4] = (byte) (timestamp >> 24);
        packet[5] = (byte) (timestamp >> 16);
        packet[6] = (byte) (timestamp >> 8);
        packet[7] = (byte) timestamp;
        packet[8] = (byte) (ssrc >> 24);
        packet[9] = (byte) (ssrc >> 16);
        packet[10] = (byte) (ssrc >> 8);
        packet[11] = (byte) ssrc;
        for (int i = 12; i < packet.length; i++) {
            packet[i] = (byte) (sequence + i);
        }
        return packet;
    }

    /** A receiver report with no blocks (RFC 3550 6.4.2), 8 bytes. */
    static byte[] receiverReport(int ssrc) {
        return new byte[] {
            (byte) 0x80, (byte) 201, 0, 1, (byte) (ssrc >> 24), (byte) (ssrc >> 16), (byte) (ssrc >> 8), (byte) ssrc
        };
    }
}
