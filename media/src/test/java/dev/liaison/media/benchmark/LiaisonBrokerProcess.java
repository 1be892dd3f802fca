package dev.liaison.media.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link BrokerMain} in a JVM of its own (same Java, same class path as the benchmark), driven over its pipes. Extra JVM
 * options for it: system property {@code benchmark.relay.broker.jvmArgs} (space-separated).
 */
final class LiaisonBrokerProcess implements RelayUnderTest {
    private final Process process;
    private final PrintStream commands;
    private final BufferedReader replies;

    LiaisonBrokerProcess(int portMin, int portMax, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms256m", "-Xmx512m", "-XX:+UseG1GC"));
        String extra = System.getProperty("benchmark.relay.broker.jvmArgs", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        command.add(BrokerMain.class.getName());
        command.add(Integer.toString(portMin));
        command.add(Integer.toString(portMax));
        process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = reply();
        if (!first.equals("ready")) {
            close();
            throw new IOException("the broker process did not start: " + first + " (see " + log + ")");
        }
    }

    @Override
    public String name() {
        return "liaison";
    }

    /** Not {@link RelayMode#TRANSCODE}: the broker carries Opus only on WebRTC legs, which this benchmark has not. */
    @Override
    public boolean supports(RelayMode mode) {
        return mode != RelayMode.TRANSCODE;
    }

    @Override
    public String offer(String callId, String sdpFromA, RelayMode mode) throws IOException {
        return BrokerMain.decode(call("offer " + callId + " " + BrokerMain.encode(sdpFromA)));
    }

    @Override
    public String answer(String callId, String sdpFromB) throws IOException {
        return BrokerMain.decode(call("answer " + callId + " " + BrokerMain.encode(sdpFromB)));
    }

    @Override
    public void hangUp(String callId) throws IOException {
        call("hangup " + callId);
    }

    @Override
    public ProcessHandle process() {
        return process.toHandle();
    }

    @Override
    public void close() {
        commands.close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.destroyForcibly();
        }
    }

    private synchronized String call(String command) throws IOException {
        commands.println(command);
        String reply = reply();
        if (reply.startsWith("ok")) {
            return reply.length() > 3 ? reply.substring(3) : "";
        }
        throw new IOException("broker refused '" + command.split(" ")[0] + "': " + reply);
    }

    private String reply() throws IOException {
        for (String line = replies.readLine(); line != null; line = replies.readLine()) {
            if (line.startsWith("@@ ")) {
                return line.substring(3);
            }
        }
        throw new IOException("the broker process ended");
    }
}
