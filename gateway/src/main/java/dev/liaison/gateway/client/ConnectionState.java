package dev.liaison.gateway.client;

import java.util.Set;

/**
 * The life of one WebSocket on {@code /ws/client}, before and around its session.
 *
 * <pre>
 *   CONNECTED ──authenticate──▶ AUTHENTICATED ──start-session──▶ ATTACHED
 *       └──────────────────────────┴────────socket closes──────────┴──▶ CLOSED
 * </pre>
 */
enum ConnectionState {
    /** Open; only {@code authenticate} and {@code ping} are accepted. */
    CONNECTED,
    /** The token was accepted; waiting for {@code start-session}. */
    AUTHENTICATED,
    /** Bound to a session; every message is accepted. */
    ATTACHED,
    /** The socket is closed (its session, if any, detached or closed). Terminal. */
    CLOSED;

    Set<ConnectionState> next() {
        return switch (this) {
            case CONNECTED -> Set.of(AUTHENTICATED, CLOSED);
            case AUTHENTICATED -> Set.of(ATTACHED, CLOSED);
            case ATTACHED -> Set.of(CLOSED);
            case CLOSED -> Set.of();
        };
    }
}
