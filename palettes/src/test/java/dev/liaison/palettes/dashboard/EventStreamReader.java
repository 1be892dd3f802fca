package dev.liaison.palettes.dashboard;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Reads a Server-Sent Events stream over real HTTP, as a dashboard would: a thread parses {@code event:}/{@code id:}/
 * {@code data:} lines into events the test takes in order. {@link #close()} drops the connection.
 */
final class EventStreamReader implements AutoCloseable {

    /** One event: its name, id and JSON data. */
    record Event(String name, String id, JsonNode data) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final byte[] refusal;
    private volatile boolean ended;

    private EventStreamReader(HttpResponse<InputStream> response) throws IOException {
        this.response = response;
        this.reader = new Thread(this::read, "sse-reader");
        reader.setDaemon(true);
        if (response.statusCode() == 200) {
            refusal = new byte[0];
            reader.start();
        } else {
            try (InputStream body = response.body()) {
                refusal = body.readAllBytes();
            }
            ended = true;
        }
    }

    /** Opens {@code url} with {@code authorization}; the response status is checked by the caller. */
    static EventStreamReader open(String url, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream")
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<InputStream> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        return new EventStreamReader(response);
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The body of a response that is not a stream (a problem). */
    JsonNode problem() throws IOException {
        return JSON.readTree(refusal);
    }

    /** The next event that {@code condition} accepts within {@code timeout}, skipping the others. */
    Event next(String description, Predicate<Event> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event event = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
            if (event == null) {
                return fail(description + " never came within " + timeout + (ended ? " (the stream ended)" : ""));
            }
            if (condition.test(event)) {
                return event;
            }
        }
    }

    /** Whether the server ended the stream. */
    boolean ended() {
        return ended;
    }

    private void read() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name, id, JSON.readTree(data.toString())));
                    }
                    name = null;
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (IOException e) {
            // closed by the test, or the server went away
        } finally {
            ended = true;
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            response.body().close();
        } catch (IOException e) {
            // already gone
        }
        if (reader.isAlive()) {
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }
    }
}
