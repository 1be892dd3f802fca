package dev.liaison.gateway.sipws;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of SIP over WebSocket ({@code liaison.sip.ws.*}, RFC 7118, endpoint {@code /ws/sip}). Every value is
 * checked when the record is built, so a bad setting stops the application at start-up.
 *
 * <p>The user list is temporary: it stands in for the agent accounts of a later issue. It holds no passwords, only
 * each user's digest HA1, {@code MD5(username ":" realm ":" password)}; there is no default user.
 *
 * @param enabled whether {@code /ws/sip} is served
 * @param realm the digest realm, also the domain of every address of record ({@code sip:alice@<realm>})
 * @param users the users allowed to register and call: user name and HA1 hash (32 hex digits)
 * @param maxMessageBytes the largest SIP message accepted (UTF-8 bytes); a larger one gets 513 and is dropped
 * @param messagesPerSecond SIP messages accepted per second per connection (bursts up to twice that); more get 503
 * @param outboundQueueMessages messages waiting to be written to one connection; a client that does not read is
 *     disconnected when its queue is full
 * @param maxBindingsPerUser contacts one user may have registered at once; more get 403
 * @param maxConnections open {@code /ws/sip} connections at once; more are closed at once (1013)
 * @param minExpires the shortest registration accepted (shorter gets 423 with Min-Expires)
 * @param maxExpires the longest registration granted (longer ones are shortened to it)
 * @param nonceValidity how long a digest nonce is accepted; an older one gets a new challenge with {@code stale=true}
 * @param ackTimeout how long an answered call waits for the client's ACK before it is ended
 * @param noAnswerTimeout how long a call to a registered user may ring before it is cancelled ({@code no-answer})
 */
@ConfigurationProperties("liaison.sip.ws")
public record SipWsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("liaison.invalid") String realm,
        @DefaultValue List<User> users,
        @DefaultValue("16384") int maxMessageBytes,
        @DefaultValue("20") int messagesPerSecond,
        @DefaultValue("64") int outboundQueueMessages,
        @DefaultValue("5") int maxBindingsPerUser,
        @DefaultValue("1000") int maxConnections,
        @DefaultValue("60s") Duration minExpires,
        @DefaultValue("3600s") Duration maxExpires,
        @DefaultValue("300s") Duration nonceValidity,
        @DefaultValue("32s") Duration ackTimeout,
        @DefaultValue("60s") Duration noAnswerTimeout) {

    private static final Pattern HA1 = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._~+-]{1,64}");
    private static final String PREFIX = "liaison.sip.ws.";

    /**
     * One user of {@code /ws/sip}.
     *
     * @param username the user part of the address of record and the digest user name
     * @param ha1 {@code MD5(username ":" realm ":" password)} in hex
     */
    public record User(String username, String ha1) {}

    public SipWsProperties {
        users = users == null ? List.of() : List.copyOf(users);
        if (realm == null || realm.isBlank() || !realm.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException(PREFIX + "realm must be a domain name, got '" + realm + "'");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            User user = users.get(i);
            String at = PREFIX + "users[" + i + "]";
            if (user == null
                    || user.username() == null
                    || !USER.matcher(user.username()).matches()) {
                throw new IllegalArgumentException(at + ".username must be 1-64 of A-Z a-z 0-9 . _ ~ + -");
            }
            if (user.ha1() == null || !HA1.matcher(user.ha1()).matches()) {
                throw new IllegalArgumentException(at + ".ha1 must be MD5(username:realm:password), 32 hex digits");
            }
            if (!names.add(user.username())) {
                throw new IllegalArgumentException(at + ".username '" + user.username() + "' is listed twice");
            }
        }
        positive("max-message-bytes", maxMessageBytes);
        positive("messages-per-second", messagesPerSecond);
        positive("outbound-queue-messages", outboundQueueMessages);
        positive("max-bindings-per-user", maxBindingsPerUser);
        positive("max-connections", maxConnections);
        if (maxMessageBytes < 1024) {
            throw new IllegalArgumentException(PREFIX + "max-message-bytes must be at least 1024");
        }
        positive("min-expires", minExpires);
        positive("nonce-validity", nonceValidity);
        positive("ack-timeout", ackTimeout);
        positive("no-answer-timeout", noAnswerTimeout);
        if (maxExpires == null || maxExpires.compareTo(minExpires) < 0) {
            throw new IllegalArgumentException(PREFIX + "max-expires must not be shorter than min-expires");
        }
    }

    /** The HA1 of {@code username}, if it is a configured user. */
    public Optional<String> ha1Of(String username) {
        return Optional.ofNullable(byName().get(username));
    }

    private Map<String, String> byName() {
        return users.stream()
                .collect(Collectors.toMap(User::username, u -> u.ha1().toLowerCase()));
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(PREFIX + name + " must be positive, got " + value);
        }
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(PREFIX + name + " must be a positive duration, got " + value);
        }
    }
}
