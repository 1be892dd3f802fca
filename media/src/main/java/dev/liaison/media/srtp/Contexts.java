package dev.liaison.media.srtp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * The crypto contexts of one direction and kind of a session, by SSRC. Thread-safe. The last context found is kept
 * aside, so the usual case (one stream per direction) is a field read and an int compare: no boxing of the SSRC, no
 * hashing.
 */
final class Contexts<C> {
    private record Last<C>(int ssrc, C context) {}

    private final Map<Integer, C> bySsrc = new ConcurrentHashMap<>();
    private volatile Last<C> last;

    C get(int ssrc) {
        Last<C> l = last;
        if (l != null && l.ssrc() == ssrc) {
            return l.context();
        }
        C context = bySsrc.get(ssrc);
        if (context != null) {
            last = new Last<>(ssrc, context);
        }
        return context;
    }

    int size() {
        return bySsrc.size();
    }

    C computeIfAbsent(int ssrc, IntFunction<C> derive) {
        return bySsrc.computeIfAbsent(ssrc, derive::apply);
    }

    void remove(int ssrc, C context) {
        bySsrc.remove(ssrc, context);
        Last<C> l = last;
        if (l != null && l.context() == context) {
            last = null;
        }
    }

    void clear() {
        bySsrc.clear();
        last = null;
    }
}
