package dev.liaison.media.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.media.codec.AudioPacket;
import dev.liaison.media.codec.CodecException;
import dev.liaison.media.codec.G711;
import dev.liaison.media.codec.G711ToOpusTranscoder;
import dev.liaison.media.codec.OpusCodec;
import dev.liaison.media.codec.OpusToG711Transcoder;
import dev.liaison.media.codec.TranscoderMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Opus (48 kHz) to PCMU and back, through the transcoders the bridges use ({@link OpusToG711Transcoder},
 * {@link G711ToOpusTranscoder}): how many transcoded calls one core carries. Not a test: {@code ./mvnw -B -pl media
 * -Pbenchmark verify -Dit.test=TranscodeBenchmark} runs it and prints the figures; docs/benchmarks.md has the method and
 * the results.
 *
 * <p>A call is one transcoder per direction, each fed one 20 ms packet per call-frame: Opus packets as a browser sends
 * them (encoded beforehand at 48 kHz, 32 kbit/s, from a voice-like signal) and PCMU packets of the same signal at
 * 8 kHz. Worker threads run their calls flat out; a call needs 50 call-frames per second, so calls per core = call-
 * frames / 50 / CPU seconds. The CPU is each worker thread's own CPU time (the codec work), and also the whole
 * process's (adds the collector and the JIT). Target: at least 100 calls per core.
 *
 * <p>Settings (system properties): {@code benchmark.transcode.calls} calls per worker (default 50),
 * {@code benchmark.transcode.threads} worker counts to run, comma-separated (default {@code 1,2}),
 * {@code benchmark.transcode.warmup.seconds} (default 5), {@code benchmark.transcode.seconds} per measured run (default
 * 10).
 */
class TranscodeBenchmark {
    private static final int CALLS_PER_WORKER = Integer.getInteger("benchmark.transcode.calls", 50);
    private static final String THREADS = System.getProperty("benchmark.transcode.threads", "1,2");
    private static final int WARM_UP_SECONDS = Integer.getInteger("benchmark.transcode.warmup.seconds", 5);
    private static final int SECONDS = Integer.getInteger("benchmark.transcode.seconds", 10);
    private static final double TARGET_CALLS_PER_CORE = 100;
    private static final int FRAMES_PER_SECOND = 50;
    private static final int CLIP_FRAMES = 250; // 5 s of audio, looped
    private static final int OPUS_PT = 111;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TranscoderMetrics metrics = new TranscoderMetrics(registry);
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @Test
    void opusToPcmuCallsPerCore() throws Exception {
        Clip clip = Clip.make();
        System.out.printf(
                "%nTranscodeBenchmark: Opus 48 kHz <-> PCMU, 20 ms frames, %d calls per worker, %d cores visible%n",
                CALLS_PER_WORKER, Runtime.getRuntime().availableProcessors());
        System.out.printf(
                "browser Opus input: %.1f kbit/s average%n",
                Arrays.stream(clip.opus).mapToInt(b -> b.length).average().orElse(0) * 8 * FRAMES_PER_SECOND / 1000);

        warmUp(clip);
        Run opusToPcmu = run("opus->pcmu only", 1, Math.max(2, SECONDS / 2), clip, Direction.OPUS_TO_PCMU);
        Run pcmuToOpus = run("pcmu->opus only", 1, Math.max(2, SECONDS / 2), clip, Direction.PCMU_TO_OPUS);
        System.out.printf(
                "per 20 ms frame (worker CPU): opus->pcmu %.1f us, pcmu->opus %.1f us%n",
                opusToPcmu.microsPerFrame(), pcmuToOpus.microsPerFrame());

        List<Run> results = new ArrayList<>();
        for (String n : THREADS.split(",")) {
            results.add(run("both directions", Integer.parseInt(n.trim()), SECONDS, clip, Direction.BOTH));
        }
        double best =
                results.stream().mapToDouble(Run::callsPerWorkerCore).max().orElse(0);
        System.out.printf(
                "target >= %.0f transcoded calls per core: %s (best %.0f per core of worker CPU)%n%n",
                TARGET_CALLS_PER_CORE, best >= TARGET_CALLS_PER_CORE ? "MET" : "NOT MET", best);
        assertThat(results).allSatisfy(r -> assertThat(r.callFrames).isPositive());
    }

    /**
     * Runs until the JIT has settled: rounds of both directions until a round compiled for less than 5 % of its time
     * and ran within 5 % of the round before (at least {@code benchmark.transcode.warmup.seconds}, at most 30 rounds:
     * a busy machine leaves the compiler threads little CPU).
     */
    private void warmUp(Clip clip) throws Exception {
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS);
        double previous = 0;
        for (int round = 1; round <= 30; round++) {
            long jit0 = jit.getTotalCompilationTime();
            Run r = run("warm-up " + round, 1, 2, clip, Direction.BOTH);
            double compiledShare = (jit.getTotalCompilationTime() - jit0) / (r.wallNanos / 1e6);
            double rate = r.callsPerWorkerCore();
            boolean settled = compiledShare < 0.05 && previous > 0 && Math.abs(rate - previous) / previous < 0.05;
            if (settled && System.nanoTime() > until) {
                return;
            }
            previous = rate;
        }
        System.out.println("warm-up: the JIT did not settle in 30 rounds; figures may be low");
    }

    private Run run(String label, int workers, int seconds, Clip clip, Direction direction) throws Exception {
        AtomicLong callFrames = new AtomicLong();
        AtomicLong workerCpuNanos = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(workers);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> pool = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        long deadlineNanos = TimeUnit.SECONDS.toNanos(seconds);
        for (int w = 0; w < workers; w++) {
            int worker = w;
            Thread t = new Thread(
                    () -> {
                        try {
                            List<Call> calls = new ArrayList<>();
                            for (int c = 0; c < CALLS_PER_WORKER; c++) {
                                calls.add(new Call(worker * CALLS_PER_WORKER + c, clip, metrics));
                            }
                            ready.countDown();
                            start.await();
                            long cpu0 = threads.getCurrentThreadCpuTime();
                            long t0 = System.nanoTime();
                            long frames = 0;
                            while (System.nanoTime() - t0 < deadlineNanos) {
                                for (Call call : calls) {
                                    call.frame(direction);
                                }
                                frames += calls.size();
                            }
                            workerCpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpu0);
                            callFrames.addAndGet(frames);
                            for (Call call : calls) {
                                call.check(direction);
                            }
                        } catch (Throwable e) {
                            failures.add(e);
                            ready.countDown();
                        }
                    },
                    "transcode-worker-" + w);
            pool.add(t);
            t.start();
        }
        ready.await();
        long jit0 = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long processCpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        start.countDown();
        for (Thread t : pool) {
            t.join();
        }
        long wallNanos = System.nanoTime() - wall0;
        long processCpuNanos = os.getProcessCpuTime() - processCpu0;
        assertThat(failures).isEmpty();
        Run run = new Run(workers, callFrames.get(), workerCpuNanos.get(), processCpuNanos, wallNanos);
        System.out.printf(
                "%-16s %d worker(s), %2d s: %,d call-frames; calls per core: %.0f (worker CPU), %.0f (process CPU);"
                        + " calls carried in real time by this box: %.0f; JIT %d ms; load %.2f%n",
                label,
                workers,
                seconds,
                run.callFrames,
                run.callsPerWorkerCore(),
                run.callsPerProcessCore(),
                run.realTimeCalls(),
                ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit0,
                os.getSystemLoadAverage());
        return run;
    }

    enum Direction {
        OPUS_TO_PCMU,
        PCMU_TO_OPUS,
        BOTH
    }

    record Run(int workers, long callFrames, long workerCpuNanos, long processCpuNanos, long wallNanos) {
        double callsPerWorkerCore() {
            return callFrames / (double) FRAMES_PER_SECOND / (workerCpuNanos / 1e9);
        }

        double callsPerProcessCore() {
            return callFrames / (double) FRAMES_PER_SECOND / (processCpuNanos / 1e9);
        }

        double realTimeCalls() {
            return callFrames / (double) FRAMES_PER_SECOND / (wallNanos / 1e9);
        }

        double microsPerFrame() {
            return workerCpuNanos / 1e3 / callFrames;
        }
    }

    /** The media both sides send, encoded once before measuring: Opus from a 48 kHz browser, PCMU from a phone. */
    record Clip(byte[][] opus, byte[][] pcmu) {
        static Clip make() throws CodecException {
            short[] wide = SpeechLikeSignal.generate(48_000, CLIP_FRAMES * OpusCodec.FRAME_SAMPLES, 9000);
            short[] narrow = SpeechLikeSignal.generate(8000, CLIP_FRAMES * 160, 9000);
            OpusCodec browser = new OpusCodec();
            byte[][] opus = new byte[CLIP_FRAMES][];
            byte[][] pcmu = new byte[CLIP_FRAMES][];
            for (int f = 0; f < CLIP_FRAMES; f++) {
                opus[f] = browser.encode(
                        Arrays.copyOfRange(wide, f * OpusCodec.FRAME_SAMPLES, (f + 1) * OpusCodec.FRAME_SAMPLES));
                pcmu[f] = G711.PCMU.encode(Arrays.copyOfRange(narrow, f * 160, (f + 1) * 160));
            }
            return new Clip(opus, pcmu);
        }
    }

    /** One transcoded call: browser to phone and phone to browser, each with its own sequence and clock. */
    static final class Call {
        private final Clip clip;
        private final OpusToG711Transcoder toPhone;
        private final G711ToOpusTranscoder toBrowser;
        private int frame;
        private long packetsIn;
        private long toPhoneOut;
        private long toBrowserOut;
        private long toPhoneBytes;

        Call(int index, Clip clip, TranscoderMetrics metrics) {
            this.clip = clip;
            this.frame = (index * 37) % CLIP_FRAMES; // calls are not in step with each other
            this.toPhone = new OpusToG711Transcoder(OPUS_PT, G711.PCMU, index, 1000L * index, metrics);
            this.toBrowser = new G711ToOpusTranscoder(G711.PCMU, OPUS_PT, index, 7000L * index, metrics);
        }

        void frame(Direction direction) {
            int clipFrame = frame % CLIP_FRAMES;
            int seq = frame & 0xFFFF;
            if (direction != Direction.PCMU_TO_OPUS) {
                List<AudioPacket> out = toPhone.transcode(new AudioPacket(
                        OPUS_PT, seq, (long) frame * OpusCodec.FRAME_SAMPLES, false, clip.opus[clipFrame]));
                toPhoneOut += out.size();
                for (AudioPacket p : out) {
                    toPhoneBytes += p.payload().length;
                }
            }
            if (direction != Direction.OPUS_TO_PCMU) {
                toBrowserOut += toBrowser
                        .transcode(new AudioPacket(0, seq, frame * 160L, false, clip.pcmu[clipFrame]))
                        .size();
            }
            packetsIn++;
            frame++;
        }

        /** Every packet in gave one packet out, in each direction that ran. */
        void check(Direction direction) {
            if (direction != Direction.PCMU_TO_OPUS) {
                assertThat(toPhoneOut).isEqualTo(packetsIn);
                assertThat(toPhoneBytes).isEqualTo(packetsIn * 160);
            }
            if (direction != Direction.OPUS_TO_PCMU) {
                assertThat(toBrowserOut).isEqualTo(packetsIn);
            }
        }
    }
}
