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
    /** Every stream counted against {@code max}. */
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    /** The streams that got their first event and now get every broadcast. */
    private final Set<SseEmitter> live = ConcurrentHashMap.newKeySet();

    DashboardStreams(int max, long timeoutMillis) {
        this.max = max;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * A new stream, counted but not yet given broadcasts (so that its first event is the one its opener sends, then
     * {@link #activate}); refused when {@code max} are open.
     */
    SseEmitter open() {
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        synchronized (open) {
            if (open.size() >= max) {
                throw new TooManyStreamsException(max);
            }
            open.add(emitter);
        }
        emitter.onCompletion(() -> forget(emitter));
        emitter.onTimeout(() -> {
            forget(emitter);
            emitter.complete();
        });
        emitter.onError(e -> forget(emitter));
        return emitter;
    }

    /** From now on {@code emitter} gets every broadcast, unless it already ended. */
    void activate(SseEmitter emitter) {
        live.add(emitter);
        if (!open.contains(emitter)) {
            live.remove(emitter);
        }
    }

    /** Drops {@code emitter} from the streams (it ended, or never started). */
    void forget(SseEmitter emitter) {
        open.remove(emitter);
        live.remove(emitter);
    }

    /** Sends one event of JSON {@code data} to one stream; a stream that cannot take it is ended and dropped. */
    boolean send(SseEmitter emitter, long id, String data) {
        try {
            emitter.send(SseEmitter.event().id(Long.toString(id)).name(EVENT).data(data, MediaType.APPLICATION_JSON));
            return true;
        } catch (IOException | IllegalStateException e) {
            log.debug("statistics stream gone: {}", e.toString());
            forget(emitter);
            emitter.completeWithError(e);
            return false;
        }
    }

    /** Sends one event to every open stream. */
    void sendAll(long id, String data) {
        for (SseEmitter emitter : Set.copyOf(live)) {
            send(emitter, id, data);
        }
    }

    int count() {
        return open.size();
    }

    /** Ends every stream (the node stops). */
    void completeAll() {
        for (SseEmitter emitter : Set.copyOf(open)) {
            forget(emitter);
            emitter.complete();
        }
    }
}
