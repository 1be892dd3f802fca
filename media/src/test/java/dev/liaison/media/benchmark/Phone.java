package dev.liaison.media.benchmark;

import dev.liaison.media.sdp.MediaDescription;
import dev.liaison.media.sdp.SdpParseException;
import dev.liaison.media.sdp.SdpParser;
import dev.liaison.media.sdp.SessionDescription;
import dev.liaison.media.srtp.SdesCrypto;
import dev.liaison.media.srtp.SdesException;
import dev.liaison.media.srtp.SrtpMetrics;
import dev.liaison.media.srtp.SrtpProfile;
import dev.liaison.media.srtp.SrtpResult;
import dev.liaison.media.srtp.SrtpSession;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Optional;

/**
 * One end of a benchmark call: a phone on its own loopback UDP socket that sends PCMU (160 bytes every 20 ms, the send
 * time in the first 8 payload bytes) and receives what the relay forwards. An SRTP phone offers RTP/SAVP with an SDES
 * key and protects and checks every packet with its own {@link SrtpSession}. Not thread-safe by itself: one thread
 * sends, another receives.
 */
final class Phone implements AutoCloseable {
    static final int PAYLOAD = 160;
    private static final int HEADER = 12;
    private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();

    final DatagramChannel channel;
    private final int ssrc;
    private final Optional<SdesCrypto> localCrypto;
    private volatile SrtpSession srtp;
    private volatile InetSocketAddress remote;
    private final Optional<Media> media;
    private final byte[] packet = new byte[HEADER + PAYLOAD];
    private int sequence;
    private long timestamp;
    private int frame;

    /**
     * Real audio to send instead of stamped PCMU, for a relay that transcodes: the payload changes on the way, so such
     * a phone counts what it receives but cannot time it.
     *
     * @param payloadType the payload type sent and offered
     * @param rtpmap its {@code a=rtpmap} value after the payload type, e.g. {@code opus/48000/2}
     * @param clockPerFrame RTP timestamp step per packet
     * @param frames the payloads, sent in turn
     */
    record Media(int payloadType, String rtpmap, int clockPerFrame, byte[][] frames) {}

    Phone(int ssrc, boolean sdes) throws IOException {
        this(ssrc, sdes, Optional.empty());
    }

    Phone(int ssrc, Media media) throws IOException {
        this(ssrc, false, Optional.of(media));
    }

    private Phone(int ssrc, boolean sdes, Optional<Media> media) throws IOException {
        this.ssrc = ssrc;
        this.media = media;
        this.localCrypto =
                sdes ? Optional.of(SdesCrypto.generate(1, SrtpProfile.AES128_CM_HMAC_SHA1_80)) : Optional.empty();
        channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress("127.0.0.1", 0));
        channel.configureBlocking(false);
        this.sequence = ssrc & 0x7FFF;
    }

    /**
     * Protects and unprotects one packet, so that the SRTP library's one-time start-up (it loads OpenSSL and times its
     * AES implementations, seconds on a busy machine) happens before the load starts, not on the phones' threads.
     */
    static void warmUpSrtp() throws SdesException {
        SdesCrypto a = SdesCrypto.generate(1, SrtpProfile.AES128_CM_HMAC_SHA1_80);
        SdesCrypto b = SdesCrypto.generate(1, SrtpProfile.AES128_CM_HMAC_SHA1_80);
        try (SrtpSession sender = new SrtpSession(a.keyingWith(b), 4, new SrtpMetrics(METERS));
                SrtpSession receiver = new SrtpSession(b.keyingWith(a), 4, new SrtpMetrics(METERS))) {
            byte[] packet = new byte[HEADER + PAYLOAD];
            packet[0] = (byte) 0x80;
            SrtpResult wire = sender.protectRtp(packet, 0, packet.length);
            if (!receiver.unprotectRtp(wire.packet(), 0, wire.packet().length).ok()) {
                throw new IllegalStateException("SRTP does not round-trip");
            }
        }
    }

    int port() throws IOException {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    /**
     * This phone's SDP: an offer (PCMU and telephone-event, rtcp-mux), or an answer (PCMU only); a phone with
     * {@link Media} offers or answers its own codec only.
     */
    String sdp(boolean offer) throws IOException {
        String profile = localCrypto.isPresent() ? "RTP/SAVP" : "RTP/AVP";
        StringBuilder sdp = new StringBuilder()
                .append("v=0\r\n")
                .append("o=- ")
                .append(Integer.toUnsignedString(ssrc))
                .append(" 1 IN IP4 127.0.0.1\r\n")
                .append("s=-\r\n")
                .append("c=IN IP4 127.0.0.1\r\n")
                .append("t=0 0\r\n")
                .append("m=audio ")
                .append(port())
                .append(' ')
                .append(profile);
        if (media.isPresent()) {
            Media m = media.get();
            sdp.append(' ').append(m.payloadType()).append("\r\n");
            sdp.append("a=rtpmap:")
                    .append(m.payloadType())
                    .append(' ')
                    .append(m.rtpmap())
                    .append("\r\n");
        } else {
            sdp.append(offer ? " 0 101\r\n" : " 0\r\n").append("a=rtpmap:0 PCMU/8000\r\n");
        }
        if (offer && media.isEmpty()) {
            sdp.append("a=rtpmap:101 telephone-event/8000\r\n").append("a=fmtp:101 0-16\r\n");
        }
        sdp.append("a=ptime:20\r\n").append("a=rtcp-mux\r\n").append("a=sendrecv\r\n");
        localCrypto.ifPresent(c -> sdp.append("a=crypto:").append(c.format()).append("\r\n"));
        return sdp.toString();
    }

    /** The relay's SDP for this phone: where to send, and for an SRTP phone the relay's key. */
    void remote(String sdp) throws SdpParseException, SdesException {
        SessionDescription description = SdpParser.parse(sdp);
        MediaDescription audio = description.media().get(0);
        String connection = audio.connection().or(description::connection).orElseThrow();
        String[] c = connection.trim().split(" ");
        remote = new InetSocketAddress(c[c.length - 1], audio.port());
        if (localCrypto.isPresent()) {
            String crypto = audio.cryptos().stream()
                    .filter(v -> v.contains(SrtpProfile.AES128_CM_HMAC_SHA1_80.sdesName()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the relay answered SRTP without a usable a=crypto"));
            srtp = new SrtpSession(localCrypto.get().keyingWith(SdesCrypto.parse(crypto)), 4, new SrtpMetrics(METERS));
        }
    }

    /** Sends the next 20 ms packet; false when the socket buffer was full. */
    boolean send(ByteBuffer scratch) throws IOException {
        if (media.isPresent()) {
            return sendMedia(scratch, media.get());
        }
        packet[0] = (byte) 0x80;
        packet[1] = 0; // PCMU
        packet[2] = (byte) (sequence >> 8);
        packet[3] = (byte) sequence;
        putInt(packet, 4, (int) timestamp);
        putInt(packet, 8, ssrc);
        long now = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            packet[HEADER + i] = (byte) (now >>> (56 - 8 * i));
        }
        sequence = (sequence + 1) & 0xFFFF;
        timestamp += PAYLOAD;
        byte[] wire = packet;
        int length = packet.length;
        SrtpSession session = srtp;
        if (session != null) {
            SrtpResult result = session.protectRtp(packet, 0, packet.length);
            wire = result.packet();
            length = wire.length;
        }
        scratch.clear();
        scratch.put(wire, 0, length).flip();
        return channel.send(scratch, remote) > 0;
    }

    private boolean sendMedia(ByteBuffer scratch, Media m) throws IOException {
        byte[] payload = m.frames()[frame++ % m.frames().length];
        scratch.clear();
        scratch.put((byte) 0x80).put((byte) m.payloadType()).putShort((short) sequence);
        scratch.putInt((int) timestamp).putInt(ssrc).put(payload).flip();
        sequence = (sequence + 1) & 0xFFFF;
        timestamp += m.clockPerFrame();
        return channel.send(scratch, remote) > 0;
    }

    /**
     * Checks one received datagram ({@code length} bytes of {@code data}): RTCP is ignored; RTP that fails SRTP
     * authentication counts as failed.
     *
     * @return the packet's one-way delay in nanoseconds, {@link #IGNORED} for RTCP, {@link #FAILED} for a packet that
     *     is not this benchmark's RTP or fails authentication, {@link #UNTIMED} for RTP to a phone with {@link Media}
     */
    long received(byte[] data, int length, long nowNanos) {
        if (length < 2) {
            return FAILED;
        }
        int type = data[1] & 0x7F;
        if (type >= 64 && type <= 95) {
            return IGNORED; // RTCP (RFC 5761 demux)
        }
        if (media.isPresent()) {
            // transcoded to this phone's codec, or not at all
            return length > HEADER && type == media.get().payloadType() ? UNTIMED : FAILED;
        }
        byte[] plain = data;
        int plainLength = length;
        SrtpSession session = srtp;
        if (session != null) {
            SrtpResult result = session.unprotectRtp(data, 0, length);
            if (!result.ok()) {
                return FAILED;
            }
            plain = result.packet();
            plainLength = plain.length;
        }
        if (plainLength != HEADER + PAYLOAD) {
            return FAILED;
        }
        long sent = 0;
        for (int i = 0; i < 8; i++) {
            sent = (sent << 8) | (plain[HEADER + i] & 0xFF);
        }
        return Math.max(0, nowNanos - sent);
    }

    static final long IGNORED = -1;
    static final long FAILED = -2;
    static final long UNTIMED = -3;

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >> 24);
        b[at + 1] = (byte) (v >> 16);
        b[at + 2] = (byte) (v >> 8);
        b[at + 3] = (byte) v;
    }

    @Override
    public void close() throws IOException {
        channel.close();
        SrtpSession session = srtp;
        if (session != null) {
            session.close();
        }
    }
}
