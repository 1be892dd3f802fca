package dev.liaison.gateway.sipws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The location service of {@code /ws/sip}: for each user (address of record {@code sip:user@realm}) the contacts
 * registered on open connections. A binding lasts until it expires, is unregistered, or its connection closes.
 * Thread-safe; each user's bindings change under that user's entry.
 */
final class Registrar {

    /**
     * One registered contact.
     *
     * @param contact the Contact URI as the client sent it (the Request-URI of calls to it)
     * @param connection the WebSocket that carries it
     * @param callId the REGISTER's Call-ID
     */
    record Binding(String user, String contact, SipWsConnection connection, String callId, Instant expiresAt) {
        Duration remaining(Instant now) {
            return Duration.between(now, expiresAt);
        }
    }

    /** A change asked for by a REGISTER: {@code expires} zero removes the contact. */
    record Change(String contact, Duration expires) {}

    private final int maxPerUser;
    private final Clock clock;
    private final Map<String, List<Binding>> bindings = new ConcurrentHashMap<>();

    Registrar(int maxPerUser, Clock clock) {
        this.maxPerUser = maxPerUser;
        this.clock = clock;
    }

    /**
     * Applies a REGISTER's changes for {@code user} on {@code connection} and returns the user's bindings after it.
     *
     * @throws SipWsException 403 when the user would have more than the allowed bindings
     */
    List<Binding> update(String user, SipWsConnection connection, String callId, List<Change> changes) {
        Instant now = clock.instant();
        List<Binding>[] result = new List[1];
        bindings.compute(user, (key, current) -> {
            List<Binding> next = new ArrayList<>(current == null ? List.of() : current);
            next.removeIf(b -> !b.expiresAt().isAfter(now));
            for (Change change : changes) {
                next.removeIf(b -> b.contact().equals(change.contact()));
                if (!change.expires().isZero()) {
                    next.add(new Binding(user, change.contact(), connection, callId, now.plus(change.expires())));
                }
            }
            if (next.size() > maxPerUser) {
                throw new SipWsException(403, "At most " + maxPerUser + " registered contacts per user");
            }
            result[0] = List.copyOf(next);
            return next.isEmpty() ? null : next;
        });
        return result[0];
    }

    /** Removes every binding of {@code user} ({@code Contact: *}). */
    void removeAll(String user) {
        bindings.remove(user);
    }

    /** Removes the bindings carried by a connection that closed. */
    void connectionClosed(SipWsConnection connection) {
        for (String user : List.copyOf(bindings.keySet())) {
            bindings.computeIfPresent(user, (key, current) -> {
                List<Binding> next = new ArrayList<>(current);
                next.removeIf(b -> b.connection() == connection);
                return next.isEmpty() ? null : next;
            });
        }
    }

    /** The user's most recently refreshed live binding on an open connection. */
    Optional<Binding> lookup(String user) {
        Instant now = clock.instant();
        return bindings.getOrDefault(user, List.of()).stream()
                .filter(b -> b.expiresAt().isAfter(now))
                .filter(b -> b.connection().state() == SipWsConnection.State.OPEN)
                .max(Comparator.comparing(Binding::expiresAt));
    }

    /** Forgets expired bindings (run periodically). */
    void sweep() {
        Instant now = clock.instant();
        for (String user : List.copyOf(bindings.keySet())) {
            bindings.computeIfPresent(user, (key, current) -> {
                List<Binding> next = new ArrayList<>(current);
                next.removeIf(b -> !b.expiresAt().isAfter(now));
                return next.isEmpty() ? null : next;
            });
        }
    }

    /** Live bindings of every user (for tests and metrics). */
    int bindingCount() {
        return bindings.values().stream().mapToInt(List::size).sum();
    }
}
