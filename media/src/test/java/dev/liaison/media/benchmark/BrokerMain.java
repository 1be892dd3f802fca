package dev.liaison.media.benchmark;

import dev.liaison.media.bridge.BridgeSettings;
import dev.liaison.media.bridge.BridgeSide;
import dev.liaison.media.bridge.Bridges;
import dev.liaison.media.bridge.LegProfile;
import dev.liaison.media.config.LegFactories;
import dev.liaison.media.leg.LegUnavailableException;
import dev.liaison.media.rtp.RtpLegs;
import dev.liaison.media.rtp.RtpSettings;
import dev.liaison.media.sdp.IceLiteAnswerBuilder.Candidate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The broker's relay in a process of its own, for {@link RtpRelayBenchmark}: {@link RtpLegs} on 127.0.0.1 and
 * {@link Bridges} over them, as the application assembles them (SIP-side legs only: both phones are RTP profile).
 * Driven over standard input, one command a line, SDP in Base64; replies on standard output prefixed {@code @@} (logs go
 * to standard error):
 *
 * <pre>
 * offer CALL SDP_FROM_A      -> @@ ok SDP_TO_B
 * answer CALL SDP_FROM_B     -> @@ ok SDP_TO_A
 * hangup CALL                -> @@ ok
 * </pre>
 *
 * Any failure answers {@code @@ error MESSAGE}. End of input stops the process.
 *
 * <p>Arguments: lowest and highest RTP port.
 */
public final class BrokerMain {
    private BrokerMain() {}

    public static void main(String[] args) throws Exception {
        PrintStream replies = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err); // the logging backend writes to System.out; keep it off the reply channel
        int portMin = Integer.parseInt(args[0]);
        int portMax = Integer.parseInt(args[1]);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (RtpLegs legs =
                new RtpLegs(new RtpSettings(loopback, loopback, portMin, portMax, 10_000, true), registry)) {
            Bridges bridges = new Bridges(
                    LegFactories.of(
                            id -> {
                                throw new LegUnavailableException("no WebRTC legs in this benchmark");
                            },
                            legs::open),
                    BridgeSettings.defaults(List.of(new Candidate("127.0.0.1", 9)), "127.0.0.1"),
                    registry,
                    (bridge, call, reason) -> System.err.println("bridge of " + call + " ended: " + reason));
            Map<String, String> bridgeOfCall = new HashMap<>();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            replies.println("@@ ready");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] words = line.trim().split(" ");
                try {
                    replies.println("@@ ok " + handle(words, bridges, bridgeOfCall));
                } catch (RuntimeException e) {
                    replies.println("@@ error " + String.valueOf(e.getMessage()).replace('\n', ' '));
                }
            }
            bridgeOfCall.values().forEach(bridges::close);
        }
    }

    private static String handle(String[] words, Bridges bridges, Map<String, String> bridgeOfCall) {
        String call = words[1];
        switch (words[0]) {
            case "offer" -> {
                String bridge = bridges.open(call);
                bridgeOfCall.put(call, bridge);
                return encode(bridges.offer(bridge, BridgeSide.A, LegProfile.RTP, LegProfile.RTP, decode(words[2])));
            }
            case "answer" -> {
                return encode(bridges.answer(bridgeOfCall.get(call), BridgeSide.B, LegProfile.RTP, decode(words[2])));
            }
            case "hangup" -> {
                bridges.close(bridgeOfCall.remove(call));
                return "";
            }
            default -> throw new IllegalArgumentException("unknown command " + words[0]);
        }
    }

    static String encode(String sdp) {
        return Base64.getEncoder().encodeToString(sdp.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
