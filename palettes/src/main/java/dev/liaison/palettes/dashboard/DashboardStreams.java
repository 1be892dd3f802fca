package dev.liaison.palettes.dashboard;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open statistics streams of this node, at most {@code max}. A stream leaves the set when it completes, times out,
 * fails, or a send to it fails (the browser went away): nothing is kept for a client that is gone.
 */
class DashboardStreams {

    private static final Logger log = LoggerFactory.getLogger(DashboardStreams.class);

    /** The name of every event of the stream (EventSource {@code addEventListener('statistics', ...)}). */
    static final String EVENT = "statistics";

    private final int max;
    private final long timeoutMillis;
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();

    DashboardStreams(int max, long timeoutMillis) {
        this.max = max;
        this.timeoutMillis = timeoutMillis;
    }

    /** A new stream, registered; refused when {@code max} are open. */
    SseEmitter open() {
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        synchronized (open) {
            if (open.size() >= max) {
                throw new TooManyStreamsException(max);
            }
            open.add(emitter);
        }
        emitter.onCompletion(() -> open.remove(emitter));
        emitter.onTimeout(() -> {
            open.remove(emitter);
            emitter.complete();
        });
        emitter.onError(e -> open.remove(emitter));
        return emitter;
    }

    /** Sends one event of JSON {@code data} to one stream; a stream that cannot take it is ended and dropped. */
    boolean send(SseEmitter emitter, long id, String data) {
        try {
            emitter.send(SseEmitter.event().id(Long.toString(id)).name(EVENT).data(data, MediaType.APPLICATION_JSON));
            return true;
        } catch (IOException | IllegalStateException e) {
            log.debug("statistics stream gone: {}", e.toString());
            open.remove(emitter);
            emitter.completeWithError(e);
            return false;
        }
    }

    /** Sends one event to every open stream. */
    void sendAll(long id, String data) {
        for (SseEmitter emitter : Set.copyOf(open)) {
            send(emitter, id, data);
        }
    }

    int count() {
        return open.size();
    }

    /** Ends every stream (the node stops). */
    void completeAll() {
        for (SseEmitter emitter : Set.copyOf(open)) {
            open.remove(emitter);
            emitter.complete();
        }
    }
}
