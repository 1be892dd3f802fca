package dev.liaison.gateway.sip;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * SIPp as the far end of a call-flow test: one process per test running one of our scenarios from
 * {@code src/test/resources/sipp/} on 127.0.0.1 with an ephemeral port, for exactly one call. Its exit code says
 * whether the scenario ran to the end; its logs are kept in {@code target/sipp/} and shown on failure.
 */
public final class Sipp implements AutoCloseable {

    private static final Path LOG_DIR = Path.of("target", "sipp");

    public final int port;
    private final Process process;
    private final Path log;
    private final Path errors;
    private final Path messages;

    private Sipp(int port, Process process, Path log, Path errors, Path messages) {
        this.port = port;
        this.process = process;
        this.log = log;
        this.errors = errors;
        this.messages = messages;
    }

    /**
     * Skips the test when {@code sipp} is not installed on a developer machine; under CI (env {@code CI} set) a missing
     * sipp fails the test instead, because {@code scripts/install-test-deps} must have installed it.
     */
    public static void assumeInstalled() {
        boolean installed = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "sipp")));
        if (installed) {
            return;
        }
        String message =
                "sipp is not installed (Debian: apt-get install sip-tester; scripts/install-test-deps does it)";
        if (System.getenv("CI") != null) {
            fail(message);
        }
        Assumptions.abort(message);
    }

    /** SIPp as a server (the called party) on UDP running {@code scenario}; it waits for our INVITE. */
    public static Sipp uas(String scenario, String... extraArgs) throws IOException {
        return uas(scenario, freePort(), extraArgs);
    }

    /** SIPp as a server on UDP on a port chosen by the test (when the port must be configured before SIPp runs). */
    public static Sipp uas(String scenario, int port, String... extraArgs) throws IOException {
        Sipp sipp = launch(scenario, null, port, extraArgs);
        sipp.awaitListening("udp");
        return sipp;
    }

    /** SIPp as a server (the called party) on TCP, one connection, running {@code scenario}. */
    static Sipp uasTcp(String scenario, String... extraArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("-t", "t1"));
        args.addAll(List.of(extraArgs));
        Sipp sipp = launch(scenario, null, freePort(), args.toArray(String[]::new));
        sipp.awaitListening("tcp");
        return sipp;
    }

    /**
     * Waits until SIPp's socket is bound (read from {@code /proc/net}, so no probe reaches SIPp): a server must listen
     * before we call it.
     */
    private void awaitListening(String protocol) {
        String portHex = String.format(":%04X ", port);
        org.awaitility.Awaitility.await("sipp listening on " + protocol + " " + port)
                .atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> {
                    if (!process.isAlive()) {
                        fail("sipp exited at start with " + process.exitValue() + "\n" + logs());
                    }
                    for (String table : List.of(protocol, protocol + "6")) {
                        Path file = Path.of("/proc/net", table);
                        if (Files.exists(file)
                                && Files.readAllLines(file).stream()
                                        .anyMatch(line -> line.contains(portHex)
                                                && (protocol.equals("udp") || line.contains(" 0A ")))) {
                            return true;
                        }
                    }
                    return false;
                });
    }

    /** SIPp as a client over TCP calling {@code service} on our trunk at 127.0.0.1:{@code trunkPort}. */
    public static Sipp uacTcp(String scenario, int trunkPort, String service) throws IOException {
        return uac(scenario, trunkPort, service, "-t", "t1");
    }

    /** SIPp as a client calling {@code service} on our trunk at 127.0.0.1:{@code trunkPort}. */
    public static Sipp uac(String scenario, int trunkPort, String service, String... extraArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("-s", service));
        args.addAll(List.of(extraArgs));
        return launch(scenario, "127.0.0.1:" + trunkPort, freePort(), args.toArray(String[]::new));
    }

    private static Sipp launch(String scenario, String remote, int port, String... extraArgs) throws IOException {
        assumeInstalled();
        Files.createDirectories(LOG_DIR);
        String name = scenario.replace(".xml", "") + "-" + port;
        Path log = LOG_DIR.resolve(name + ".out");
        Path errors = LOG_DIR.resolve(name + ".errors.log");
        Path messages = LOG_DIR.resolve(name + ".messages.log");
        List<String> command = new ArrayList<>(List.of("sipp"));
        if (remote != null) {
            command.add(remote);
        }
        command.addAll(List.of(
                "-sf",
                scenarioPath(scenario).toString(),
                "-i",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-m",
                "1",
                "-nostdin",
                "-timeout",
                "30s",
                "-timeout_error",
                "-trace_err",
                "-error_file",
                errors.toString(),
                "-trace_msg",
                "-message_file",
                messages.toString()));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new Sipp(port, process, log, errors, messages);
    }

    /** Waits for SIPp to finish its one call and fails the test, with SIPp's logs, unless the scenario completed. */
    public void assertScenarioCompleted() throws InterruptedException, IOException {
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("sipp did not finish within 40 s\n" + logs());
        }
        if (process.exitValue() != 0) {
            fail("sipp exited with " + process.exitValue() + "\n" + logs());
        }
    }

    /**
     * How many messages SIPp received whose first line starts with {@code startLine} (e.g. {@code "SIP/2.0 180"}),
     * retransmissions included; read from its message log once the scenario has ended.
     */
    public long receivedCount(String startLine) throws IOException {
        List<String> lines = Files.readAllLines(messages, StandardCharsets.ISO_8859_1);
        long count = 0;
        for (int i = 0; i + 2 < lines.size(); i++) {
            if (lines.get(i).contains("message received") && lines.get(i + 2).startsWith(startLine)) {
                count++;
            }
        }
        return count;
    }

    /** Every message SIPp received whose first line starts with {@code startLine}, in order, as text. */
    public List<String> received(String startLine) throws IOException {
        List<String> lines = Files.readAllLines(messages, StandardCharsets.ISO_8859_1);
        List<String> found = new ArrayList<>();
        for (int i = 0; i + 2 < lines.size(); i++) {
            if (lines.get(i).contains("message received") && lines.get(i + 2).startsWith(startLine)) {
                StringBuilder message = new StringBuilder();
                for (int j = i + 2; j < lines.size() && !lines.get(j).startsWith("-----------"); j++) {
                    message.append(lines.get(j)).append('\n');
                }
                found.add(message.toString());
            }
        }
        return found;
    }

    private String logs() throws IOException {
        StringBuilder text = new StringBuilder();
        for (Path file : List.of(errors, messages, log)) {
            if (Files.exists(file)) {
                String content = Files.readString(file, StandardCharsets.ISO_8859_1);
                text.append("---- ").append(file).append('\n');
                text.append(content.length() > 12_000 ? content.substring(content.length() - 12_000) : content);
            }
        }
        return text.toString();
    }

    /** The scenario as a file SIPp can read; copied out of the test jar when another module runs it from there. */
    private static Path scenarioPath(String scenario) throws IOException {
        URL url = Sipp.class.getResource("/sipp/" + scenario);
        if (url == null) {
            throw new IllegalArgumentException("no scenario sipp/" + scenario);
        }
        if ("file".equals(url.getProtocol())) {
            try {
                return Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(e);
            }
        }
        Path copy = LOG_DIR.resolve("scenarios").resolve(scenario);
        Files.createDirectories(copy.getParent());
        try (var in = url.openStream()) {
            Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    /** A port free for both UDP and TCP on loopback (SIPp may use either). */
    public static int freePort() throws IOException {
        for (int attempt = 0; ; attempt++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
                int port = udp.getLocalPort();
                try (java.net.ServerSocket tcp = new java.net.ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                    return tcp.getLocalPort();
                } catch (IOException taken) {
                    if (attempt > 20) {
                        throw taken;
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
