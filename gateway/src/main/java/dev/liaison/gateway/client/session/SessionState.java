package dev.liaison.gateway.client.session;

import java.util.Set;

/**
 * The life of a client session. A session exists once an authenticated connection started it; before that the
 * connection's own state applies ({@code ConnectionState}).
 *
 * <pre>
 *   ACTIVE ──socket drops──▶ DETACHED ──resume within the detach timeout──▶ ACTIVE
 *     │                         │
 *     └──end-session──▶ CLOSED ◀┴──detach timeout
 * </pre>
 */
public enum SessionState {
    /** A WebSocket is attached; messages go straight to it. */
    ACTIVE,
    /** The WebSocket dropped: calls stay up, messages are buffered, the detach timeout runs. */
    DETACHED,
    /** Ended: calls hung up, not resumable. Terminal. */
    CLOSED;

    /** The states this one may move to. */
    Set<SessionState> next() {
        return switch (this) {
            case ACTIVE -> Set.of(ACTIVE, DETACHED, CLOSED);
            case DETACHED -> Set.of(ACTIVE, CLOSED);
            case CLOSED -> Set.of();
        };
    }
}
