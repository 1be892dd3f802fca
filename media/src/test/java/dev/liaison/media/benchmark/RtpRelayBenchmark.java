package dev.liaison.media.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.media.codec.G711;
import dev.liaison.media.codec.OpusCodec;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * RTP relay cost per call, Liaison's broker against rtpengine, over real loopback UDP sockets. Not a test: {@code
 * ./mvnw -B -pl media -Pbenchmark verify -Dit.test=RtpRelayBenchmark} runs it and prints the figures;
 * docs/benchmarks.md has the method and the results.
 *
 * <p>Each call is two phones ({@link Phone}) in this JVM, each sending PCMU at 50 packets/s to the relay, which forwards
 * to the other phone. Scenarios: <b>rtp</b> (plain RTP/AVP to plain RTP/AVP, pass-through), <b>srtp</b> (side A
 * offers RTP/SAVP with an SDES key and protects every packet; side B is plain RTP: the relay decrypts one way and
 * encrypts the other) and <b>transcode</b> (side A sends Opus, side B PCMU: the relay decodes and encodes both ways;
 * only rtpengine, as the broker carries Opus on WebRTC legs only). The relays, each in a process of its own:
 *
 * <ul>
 *   <li><b>liaison</b>: {@link BrokerMain}, the broker's {@code Bridges} over {@code RtpLegs} in a separate JVM;
 *   <li><b>rtpengine</b>: Debian's rtpengine-daemon, userspace only, driven over its ng protocol; installed with
 *       apt-get when missing and run as root, else this part is skipped with the reason.
 * </ul>
 *
 * For each relay, scenario and call count: set up the calls through the relay's signalling, run the load for the
 * warm-up, then measure the relay process's CPU time over the window: cores used = CPU time / wall time, calls per core =
 * calls / cores used. Loss is 1 - received / sent over the whole run (after a drain); delay is one way, phone to phone,
 * over the window. The first round of each relay (JIT warm-up for the broker's JVM) is not reported.
 *
 * <p>Settings (system properties): {@code benchmark.relay.calls} call counts, comma-separated (default {@code 100,200}),
 * {@code benchmark.relay.warmup.seconds} (default 5), {@code benchmark.relay.seconds} (default 10), {@code
 * benchmark.relay.transcode.calls} for transcode (default {@code 20,40}), {@code benchmark.relay.scenarios} (default
 * {@code rtp,srtp,transcode}), {@code benchmark.relay.targets} (default {@code
 * liaison,rtpengine}).
 */
class RtpRelayBenchmark {
    private static final List<Integer> CALLS = Arrays.stream(
                    System.getProperty("benchmark.relay.calls", "100,200").split(","))
            .map(String::trim)
            .map(Integer::valueOf)
            .toList();
    private static final int WARM_UP_SECONDS = Integer.getInteger("benchmark.relay.warmup.seconds", 5);
    private static final int SECONDS = Integer.getInteger("benchmark.relay.seconds", 10);
    private static final List<Integer> TRANSCODE_CALLS = Arrays.stream(
                    System.getProperty("benchmark.relay.transcode.calls", "20,40")
                            .split(","))
            .map(String::trim)
            .map(Integer::valueOf)
            .toList();
    private static final List<RelayMode> SCENARIOS = Arrays.stream(
                    System.getProperty("benchmark.relay.scenarios", "rtp,srtp,transcode")
                            .split(","))
            .map(s -> RelayMode.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT)))
            .toList();
    private static final List<String> TARGETS = List.of(
            System.getProperty("benchmark.relay.targets", "liaison,rtpengine").split(","));
    private static final int PACKETS_PER_SECOND = 50;

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Map<String, Result> results = new LinkedHashMap<>();
    private int callSerial;

    @Test
    void relayCostPerCallAgainstRtpengine() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "benchmark"));
        System.out.printf(
                "%nRtpRelayBenchmark: PCMU 20 ms both ways per call (%d packets/s into the relay per call), %d cores"
                        + " visible, load %.2f%n",
                2 * PACKETS_PER_SECOND, Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage());
        System.out.printf(
                "%-9s %-9s %5s %8s %7s %10s %12s %8s %8s %8s %8s %6s%n",
                "relay",
                "mode",
                "calls",
                "pkt/s in",
                "cores",
                "calls/core",
                "CPU/call",
                "loss",
                "p50 ms",
                "p99 ms",
                "setup/s",
                "load");
        Phone.warmUpSrtp(); // before any round: its first use blocks for seconds
        String skipped = null;
        for (String target : TARGETS) {
            Optional<RelayUnderTest> relay;
            StringBuilder why = new StringBuilder();
            if (target.equals("liaison")) {
                relay = Optional.of(new LiaisonBrokerProcess(20_000, 23_999, logs.resolve("liaison-broker.log")));
            } else if (target.equals("rtpengine")) {
                relay = RtpEngineProcess.start(22_222, 24_000, 27_999, logs.resolve("rtpengine.log"), why)
                        .map(r -> r);
            } else {
                throw new IllegalArgumentException("unknown target " + target);
            }
            if (relay.isEmpty()) {
                skipped = "rtpengine part skipped: " + why;
                System.out.println(skipped);
                continue;
            }
            try (RelayUnderTest r = relay.get()) {
                // warm-up, not reported: the JIT, and the SRTP library's start-up (it loads OpenSSL and times AES)
                round(r, RelayMode.RTP, Math.min(50, CALLS.get(0)), false);
                round(r, RelayMode.SRTP, Math.min(50, CALLS.get(0)), false);
                for (RelayMode scenario : SCENARIOS) {
                    if (!r.supports(scenario)) {
                        System.out.printf(
                                "%-9s %-9s not run: %s%n",
                                r.name(), name(scenario), "Opus travels only on WebRTC legs");
                        continue;
                    }
                    if (scenario == RelayMode.TRANSCODE) {
                        round(r, scenario, Math.min(5, TRANSCODE_CALLS.get(0)), false); // codec start-up
                    }
                    for (int calls : scenario == RelayMode.TRANSCODE ? TRANSCODE_CALLS : CALLS) {
                        round(r, scenario, calls, true);
                    }
                }
            }
        }
        printRatios();
        assertThat(results).isNotEmpty();
        assertThat(results.values()).allSatisfy(r -> assertThat(r.loss()).isLessThan(0.5));
        Assumptions.assumeTrue(skipped == null, skipped);
    }

    private static String name(RelayMode mode) {
        return mode.name().toLowerCase(java.util.Locale.ROOT);
    }

    private void round(RelayUnderTest relay, RelayMode mode, int calls, boolean report) throws Exception {
        String scenario = name(mode);
        List<Phone> phones = new ArrayList<>();
        List<String> callIds = new ArrayList<>();
        long setup0 = System.nanoTime();
        try {
            for (int c = 0; c < calls; c++) {
                String callId = "bench-" + (++callSerial);
                Phone a = mode == RelayMode.TRANSCODE
                        ? new Phone(0x10000 + 2 * callSerial, media().browser())
                        : new Phone(0x10000 + 2 * callSerial, mode == RelayMode.SRTP);
                Phone b = mode == RelayMode.TRANSCODE
                        ? new Phone(0x10001 + 2 * callSerial, media().phone())
                        : new Phone(0x10001 + 2 * callSerial, false);
                phones.add(a);
                phones.add(b);
                b.remote(relay.offer(callId, a.sdp(true), mode));
                callIds.add(callId);
                a.remote(relay.answer(callId, b.sdp(false)));
            }
            double setupPerSecond = calls / ((System.nanoTime() - setup0) / 1e9);
            try (CallLoad load = new CallLoad(phones)) {
                sleep(Duration.ofSeconds(report ? WARM_UP_SECONDS : 2 * WARM_UP_SECONDS));
                long cpu0 = cpuNanos(relay);
                long t0 = System.nanoTime();
                load.recording(true);
                sleep(Duration.ofSeconds(SECONDS));
                long cpu1 = cpuNanos(relay);
                long t1 = System.nanoTime();
                load.recording(false);
                load.stopSending();
                drain(load);
                double cores = (cpu1 - cpu0) / (double) (t1 - t0);
                Result result = new Result(
                        relay.name(),
                        scenario,
                        calls,
                        cores,
                        load.sent(),
                        load.received(),
                        load.failed(),
                        load.sendFailed(),
                        load.senderStalls(),
                        load.delayMillis(0.5),
                        load.delayMillis(0.99),
                        setupPerSecond,
                        os.getSystemLoadAverage());
                if (report) {
                    results.put(relay.name() + "/" + scenario + "/" + calls, result);
                    result.print();
                }
            }
        } finally {
            for (String callId : callIds) {
                relay.hangUp(callId);
            }
        }
    }

    /** Waits until nothing more arrives (the relay's queues are empty), at most 2 s. */
    private static void drain(CallLoad load) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        long last = -1;
        while (System.nanoTime() < until && load.received() != last) {
            last = load.received();
            sleep(Duration.ofMillis(200));
        }
    }

    private TranscodeMedia media;

    private TranscodeMedia media() throws Exception {
        if (media == null) {
            media = TranscodeMedia.make();
        }
        return media;
    }

    /** What the phones of a transcoded call send: Opus from a browser-like encoder, PCMU from a phone. */
    record TranscodeMedia(Phone.Media browser, Phone.Media phone) {
        static TranscodeMedia make() throws Exception {
            int frames = 250;
            short[] wide = SpeechLikeSignal.generate(48_000, frames * OpusCodec.FRAME_SAMPLES, 9000);
            short[] narrow = SpeechLikeSignal.generate(8000, frames * 160, 9000);
            OpusCodec encoder = new OpusCodec();
            byte[][] opus = new byte[frames][];
            byte[][] pcmu = new byte[frames][];
            for (int f = 0; f < frames; f++) {
                opus[f] = encoder.encode(
                        Arrays.copyOfRange(wide, f * OpusCodec.FRAME_SAMPLES, (f + 1) * OpusCodec.FRAME_SAMPLES));
                pcmu[f] = G711.PCMU.encode(Arrays.copyOfRange(narrow, f * 160, (f + 1) * 160));
            }
            return new TranscodeMedia(
                    new Phone.Media(111, "opus/48000/2", OpusCodec.FRAME_SAMPLES, opus),
                    new Phone.Media(0, "PCMU/8000", 160, pcmu));
        }
    }

    private static long cpuNanos(RelayUnderTest relay) {
        return relay.process()
                .info()
                .totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("no CPU time for the relay's process"))
                .toNanos();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void printRatios() {
        for (RelayMode mode : SCENARIOS) {
            String scenario = name(mode);
            for (int calls : mode == RelayMode.TRANSCODE ? TRANSCODE_CALLS : CALLS) {
                Result liaison = results.get("liaison/" + scenario + "/" + calls);
                Result rtpengine = results.get("rtpengine/" + scenario + "/" + calls);
                if (liaison != null && rtpengine != null) {
                    System.out.printf(
                            "ratio liaison/rtpengine, %s, %d calls: %.2f (calls per core %.0f vs %.0f)%n",
                            scenario,
                            calls,
                            liaison.callsPerCore() / rtpengine.callsPerCore(),
                            liaison.callsPerCore(),
                            rtpengine.callsPerCore());
                }
            }
        }
        System.out.println();
    }

    record Result(
            String relay,
            String scenario,
            int calls,
            double cores,
            long sent,
            long received,
            long failed,
            long sendFailed,
            long senderStalls,
            double p50,
            double p99,
            double setupPerSecond,
            double load) {

        double callsPerCore() {
            return calls / cores;
        }

        double loss() {
            return sent == 0 ? 1 : 1 - (double) received / sent;
        }

        void print() {
            System.out.printf(
                    "%-9s %-9s %5d %8d %7.3f %10.0f %10.3f %% %7.3f%% %8.2f %8.2f %8.0f %6.2f%s%n",
                    relay,
                    scenario,
                    calls,
                    calls * 2 * PACKETS_PER_SECOND,
                    cores,
                    callsPerCore(),
                    100 * cores / calls,
                    100 * loss(),
                    p50,
                    p99,
                    setupPerSecond,
                    load,
                    failed + sendFailed > 0
                            ? "  (" + failed + " failed checks, " + sendFailed + " send failures)"
                            : "");
        }
    }
}
