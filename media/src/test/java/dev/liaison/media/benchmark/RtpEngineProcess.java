package dev.liaison.media.benchmark;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * rtpengine (Debian's {@code rtpengine-daemon}) as the reference relay: started in the foreground, userspace only
 * ({@code --table=-1}: no kernel forwarding module), on 127.0.0.1, and driven over its ng control protocol (bencoded
 * dictionaries over UDP, each request prefixed by a cookie that the reply repeats).
 */
final class RtpEngineProcess implements RelayUnderTest {
    static final String PACKAGE = "rtpengine-daemon";
    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/bin/rtpengine"), Path.of("/usr/sbin/rtpengine"));
    private static final int TIMEOUT_MILLIS = 3000;

    private final Process process;
    private final DatagramSocket control;
    private final InetSocketAddress ng;
    private final AtomicLong cookies = new AtomicLong();

    private RtpEngineProcess(Path binary, int ngPort, int portMin, int portMax, Path log) throws IOException {
        ng = new InetSocketAddress("127.0.0.1", ngPort);
        process = new ProcessBuilder(
                        binary.toString(),
                        "--config-file=none",
                        "--foreground",
                        "--log-stderr",
                        "--log-level=4",
                        "--table=-1",
                        "--interface=127.0.0.1",
                        "--listen-ng=127.0.0.1:" + ngPort,
                        "--port-min=" + portMin,
                        "--port-max=" + portMax,
                        "--delete-delay=0",
                        "--timeout=60")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        control = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        control.setSoTimeout(500);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                if ("pong".equals(request(Map.of("command", "ping"), 1).get("result"))) {
                    break;
                }
            } catch (IOException e) {
                if (!process.isAlive() || System.nanoTime() > until) {
                    close();
                    throw new IOException("rtpengine did not answer ping (see " + log + ")", e);
                }
            }
        }
        control.setSoTimeout(TIMEOUT_MILLIS);
    }

    /**
     * Starts rtpengine, installing {@value #PACKAGE} with apt-get first when it is missing and we are root on Debian.
     *
     * @return empty, with the reason in {@code why}, when it cannot be had
     */
    static Optional<RtpEngineProcess> start(int ngPort, int portMin, int portMax, Path log, StringBuilder why)
            throws IOException, InterruptedException {
        Optional<Path> binary = find();
        if (binary.isEmpty()) {
            install(log, why);
            binary = find();
        }
        if (binary.isEmpty()) {
            if (why.isEmpty()) {
                why.append("rtpengine is not installed (Debian: apt-get install ")
                        .append(PACKAGE)
                        .append(')');
            }
            return Optional.empty();
        }
        return Optional.of(new RtpEngineProcess(binary.get(), ngPort, portMin, portMax, log));
    }

    private static Optional<Path> find() {
        return CANDIDATES.stream().filter(Files::isExecutable).findFirst();
    }

    private static void install(Path log, StringBuilder why) throws IOException, InterruptedException {
        Path aptGet = Path.of("/usr/bin/apt-get");
        if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(aptGet)) {
            why.append("rtpengine is not installed and this is not root on Debian: install it with apt-get install ")
                    .append(PACKAGE);
            return;
        }
        System.out.println("rtpengine not found: installing " + PACKAGE + " with apt-get (output in " + log + ")");
        if (apt(log, aptGet.toString(), "install", "-y", "-q", "--no-install-recommends", PACKAGE) != 0
                && (apt(log, aptGet.toString(), "update", "-q") != 0
                        || apt(log, aptGet.toString(), "install", "-y", "-q", "--no-install-recommends", PACKAGE)
                                != 0)) {
            why.append("apt-get install ")
                    .append(PACKAGE)
                    .append(" failed (see ")
                    .append(log)
                    .append(')');
        }
    }

    private static int apt(Path log, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process apt = builder.start();
        if (!apt.waitFor(10, TimeUnit.MINUTES)) {
            apt.destroyForcibly();
            return -1;
        }
        return apt.exitValue();
    }

    @Override
    public String name() {
        return "rtpengine";
    }

    @Override
    public boolean supports(RelayMode mode) {
        return true;
    }

    /**
     * Offers to B in plain RTP/AVP whatever A offered, so an SDES-SRTP A is bridged to a plain RTP B; to transcode,
     * offers B PCMU in place of A's Opus ({@code codec: transcode PCMU, mask opus}).
     */
    @Override
    public String offer(String callId, String sdpFromA, RelayMode mode) throws IOException {
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("command", "offer");
        offer.put("call-id", callId);
        offer.put("from-tag", callId + "-a");
        offer.put("transport-protocol", "RTP/AVP");
        if (mode == RelayMode.TRANSCODE) {
            offer.put("codec", Map.of("transcode", List.of("PCMU"), "mask", List.of("opus")));
        }
        offer.put("sdp", sdpFromA);
        return sdp(request(offer, 3));
    }

    @Override
    public String answer(String callId, String sdpFromB) throws IOException {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("command", "answer");
        answer.put("call-id", callId);
        answer.put("from-tag", callId + "-a");
        answer.put("to-tag", callId + "-b");
        answer.put("sdp", sdpFromB);
        return sdp(request(answer, 3));
    }

    @Override
    public void hangUp(String callId) throws IOException {
        request(Map.of("command", "delete", "call-id", callId, "from-tag", callId + "-a"), 3);
    }

    @Override
    public ProcessHandle process() {
        return process.toHandle();
    }

    @Override
    public void close() {
        control.close();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String sdp(Map<String, Object> reply) throws IOException {
        if (!"ok".equals(reply.get("result")) || !(reply.get("sdp") instanceof String sdp)) {
            throw new IOException("rtpengine refused: " + reply);
        }
        return sdp;
    }

    /** One ng request; a lost datagram is sent again with the same cookie (rtpengine answers a repeat from cache). */
    @SuppressWarnings("unchecked")
    private synchronized Map<String, Object> request(Map<String, Object> message, int tries) throws IOException {
        String cookie = Long.toHexString(System.nanoTime()) + "-" + cookies.incrementAndGet();
        byte[] body = Bencode.encode(message);
        byte[] datagram =
                Arrays.copyOf((cookie + " ").getBytes(StandardCharsets.US_ASCII), cookie.length() + 1 + body.length);
        System.arraycopy(body, 0, datagram, cookie.length() + 1, body.length);
        byte[] buffer = new byte[65_536];
        for (int attempt = 1; ; attempt++) {
            control.send(new DatagramPacket(datagram, datagram.length, ng));
            try {
                while (true) {
                    DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                    control.receive(reply);
                    String head = new String(
                            buffer, 0, Math.min(reply.getLength(), cookie.length() + 1), StandardCharsets.US_ASCII);
                    if (head.equals(cookie + " ")) {
                        byte[] payload = Arrays.copyOf(buffer, reply.getLength());
                        return (Map<String, Object>) Bencode.decode(payload, cookie.length() + 1);
                    }
                    // a late reply to an earlier try: skip it
                }
            } catch (SocketTimeoutException e) {
                if (attempt >= tries) {
                    throw e;
                }
            }
        }
    }
}
