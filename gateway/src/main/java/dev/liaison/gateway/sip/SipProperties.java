package dev.liaison.gateway.sip;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the SIP trunk ({@code liaison.sip.*}). Every value is checked when the record is built, so a bad
 * setting stops the application at start-up instead of surfacing as a broken call later.
 *
 * @param enabled whether the SIP trunk starts at all
 * @param bindAddress the local address the UDP, TCP and TLS listening points bind to
 * @param advertisedAddress the address put in Via and Contact headers; empty means the bind address, or the host's
 *     address when the bind address is the wildcard {@code 0.0.0.0}
 * @param port the UDP and TCP port (the same number for both); {@code 0} picks a free ephemeral port at start (tests)
 * @param tlsPort the TLS port; TLS listens only when {@code tlsKeyStore} is set
 * @param tlsKeyStore path of the PKCS#12 key store holding the TLS certificate; empty means no TLS listening point
 * @param tlsKeyStorePassword password of {@code tlsKeyStore}; set it through the environment, never in the repository
 * @param trunkPeers the hosts or CIDR ranges allowed to send INVITEs in and to be called without an outbound proxy
 *     (for example {@code 192.0.2.10} or {@code 198.51.100.0/24})
 * @param outboundProxy where every outbound request is sent, as {@code host:port/transport} (for example
 *     {@code pbx.example.net:5060/udp}); empty means requests go straight to the Request-URI's host
 * @param username the digest user name towards the trunk; empty means no authentication
 * @param realm the digest realm the credentials are for; empty means any realm that challenges
 * @param password the digest password; from configuration or the environment ({@code LIAISON_SIP_PASSWORD})
 * @param noAnswerTimeout how long an outbound call may ring before it is cancelled with reason {@code no-answer}
 * @param maxInvitesPerSecondPerSource new INVITEs accepted per second from one source address; more get 503
 * @param maxConcurrentCalls SIP legs allowed at once; a new INVITE beyond it gets 503 with Retry-After
 * @param maxMessageSize the largest SIP message accepted in bytes (TCP); larger ones are refused
 * @param sessionTimerInterval the session refresh interval offered to and accepted from the far end (RFC 4028)
 * @param timerT1 RFC 3261 timer T1 (round-trip estimate) that scales every transaction timer; lower it only on
 *     loopback (tests), where it makes transactions end quickly
 * @param threadPoolSize threads that deliver SIP events to the gateway
 * @param sessionTimerMinSe the smallest session interval accepted (RFC 4028 Min-SE); an INVITE asking for less gets
 *     422, at least 90 s and at most {@code sessionTimerInterval}
 * @param registrar where to register the trunk's contact, as {@code host[:port][/udp|tcp|tls]}; empty means no
 *     registration (the PBX sends calls to the configured address)
 * @param registrationExpires the registration lifetime asked for; it is refreshed at half the lifetime granted
 * @param registrationRetryMin the wait before the first new attempt after a failed registration; it doubles on each
 *     failure up to {@code registrationRetryMax}
 * @param registrationRetryMax the longest wait between registration attempts
 */
@ConfigurationProperties("liaison.sip")
public record SipProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0.0.0.0") String bindAddress,
        @DefaultValue("") String advertisedAddress,
        @DefaultValue("5060") int port,
        @DefaultValue("5061") int tlsPort,
        @DefaultValue("") String tlsKeyStore,
        @DefaultValue("") String tlsKeyStorePassword,
        @DefaultValue List<String> trunkPeers,
        @DefaultValue("") String outboundProxy,
        @DefaultValue("") String username,
        @DefaultValue("") String realm,
        @DefaultValue("") String password,
        @DefaultValue("60s") Duration noAnswerTimeout,
        @DefaultValue("50") int maxInvitesPerSecondPerSource,
        @DefaultValue("1000") int maxConcurrentCalls,
        @DefaultValue("65536") int maxMessageSize,
        @DefaultValue("1800s") Duration sessionTimerInterval,
        @DefaultValue("500ms") Duration timerT1,
        @DefaultValue("8") int threadPoolSize,
        @DefaultValue("90s") Duration sessionTimerMinSe,
        @DefaultValue("") String registrar,
        @DefaultValue("3600s") Duration registrationExpires,
        @DefaultValue("5s") Duration registrationRetryMin,
        @DefaultValue("300s") Duration registrationRetryMax) {

    @ConstructorBinding
    public SipProperties {
        Objects.requireNonNull(bindAddress, "liaison.sip.bind-address");
        advertisedAddress = advertisedAddress == null ? "" : advertisedAddress.trim();
        tlsKeyStore = tlsKeyStore == null ? "" : tlsKeyStore.trim();
        tlsKeyStorePassword = tlsKeyStorePassword == null ? "" : tlsKeyStorePassword;
        trunkPeers = trunkPeers == null ? List.of() : List.copyOf(trunkPeers);
        outboundProxy = outboundProxy == null ? "" : outboundProxy.trim();
        username = username == null ? "" : username.trim();
        realm = realm == null ? "" : realm.trim();
        password = password == null ? "" : password;
        requirePort("liaison.sip.port", port, true);
        requirePort("liaison.sip.tls-port", tlsPort, true);
        TrunkPeers.parse(trunkPeers); // throws on a malformed host or CIDR
        if (!outboundProxy.isEmpty() && !outboundProxy.matches(HOST_PORT_TRANSPORT)) {
            throw new IllegalArgumentException(
                    "liaison.sip.outbound-proxy must be host[:port][/udp|tcp|tls], got '" + outboundProxy + "'");
        }
        if (!username.isEmpty() && password.isEmpty()) {
            throw new IllegalArgumentException("liaison.sip.username is set but liaison.sip.password is empty");
        }
        requirePositive("liaison.sip.no-answer-timeout", noAnswerTimeout);
        requirePositive("liaison.sip.session-timer-interval", sessionTimerInterval);
        if (sessionTimerInterval.toSeconds() < 90) {
            throw new IllegalArgumentException(
                    "liaison.sip.session-timer-interval must be at least 90s (RFC 4028 Min-SE)");
        }
        requirePositive("liaison.sip.timer-t1", timerT1);
        if (timerT1.toMillis() < 10 || timerT1.toMillis() > 10_000) {
            throw new IllegalArgumentException("liaison.sip.timer-t1 must be between 10ms and 10s, got " + timerT1);
        }
        requireRange("liaison.sip.max-invites-per-second-per-source", maxInvitesPerSecondPerSource, 1, 100_000);
        requireRange("liaison.sip.max-concurrent-calls", maxConcurrentCalls, 1, 1_000_000);
        requireRange("liaison.sip.max-message-size", maxMessageSize, 1024, 10 * 1024 * 1024);
        requireRange("liaison.sip.thread-pool-size", threadPoolSize, 1, 1024);
        requirePositive("liaison.sip.session-timer-min-se", sessionTimerMinSe);
        if (sessionTimerMinSe.toSeconds() < 90 || sessionTimerMinSe.compareTo(sessionTimerInterval) > 0) {
            throw new IllegalArgumentException("liaison.sip.session-timer-min-se must be between 90s and"
                    + " liaison.sip.session-timer-interval, got " + sessionTimerMinSe);
        }
        registrar = registrar == null ? "" : registrar.trim();
        if (!registrar.isEmpty() && !registrar.matches(HOST_PORT_TRANSPORT)) {
            throw new IllegalArgumentException(
                    "liaison.sip.registrar must be host[:port][/udp|tcp|tls], got '" + registrar + "'");
        }
        if (!registrar.isEmpty() && username.isEmpty()) {
            throw new IllegalArgumentException("liaison.sip.registrar is set but liaison.sip.username is empty");
        }
        requirePositive("liaison.sip.registration-expires", registrationExpires);
        if (registrationExpires.toSeconds() < 60) {
            throw new IllegalArgumentException(
                    "liaison.sip.registration-expires must be at least 60s, got " + registrationExpires);
        }
        requirePositive("liaison.sip.registration-retry-min", registrationRetryMin);
        requirePositive("liaison.sip.registration-retry-max", registrationRetryMax);
        if (registrationRetryMax.compareTo(registrationRetryMin) < 0) {
            throw new IllegalArgumentException(
                    "liaison.sip.registration-retry-max must not be below liaison.sip.registration-retry-min");
        }
    }

    private static final String HOST_PORT_TRANSPORT = "[^:/\\s]+(:\\d{1,5})?(/(udp|tcp|tls|UDP|TCP|TLS))?";

    /** The settings before registration and the session timer minimum existed; those take their defaults. */
    public SipProperties(
            boolean enabled,
            String bindAddress,
            String advertisedAddress,
            int port,
            int tlsPort,
            String tlsKeyStore,
            String tlsKeyStorePassword,
            List<String> trunkPeers,
            String outboundProxy,
            String username,
            String realm,
            String password,
            Duration noAnswerTimeout,
            int maxInvitesPerSecondPerSource,
            int maxConcurrentCalls,
            int maxMessageSize,
            Duration sessionTimerInterval,
            Duration timerT1,
            int threadPoolSize) {
        this(
                enabled,
                bindAddress,
                advertisedAddress,
                port,
                tlsPort,
                tlsKeyStore,
                tlsKeyStorePassword,
                trunkPeers,
                outboundProxy,
                username,
                realm,
                password,
                noAnswerTimeout,
                maxInvitesPerSecondPerSource,
                maxConcurrentCalls,
                maxMessageSize,
                sessionTimerInterval,
                timerT1,
                threadPoolSize,
                Duration.ofSeconds(90),
                "",
                Duration.ofSeconds(3600),
                Duration.ofSeconds(5),
                Duration.ofSeconds(300));
    }

    /** A copy with a TLS listening point on {@code port} from {@code keyStore}. */
    public SipProperties withTls(int port, String keyStore, String keyStorePassword) {
        return new SipProperties(
                enabled,
                bindAddress,
                advertisedAddress,
                this.port,
                port,
                keyStore,
                keyStorePassword,
                trunkPeers,
                outboundProxy,
                username,
                realm,
                password,
                noAnswerTimeout,
                maxInvitesPerSecondPerSource,
                maxConcurrentCalls,
                maxMessageSize,
                sessionTimerInterval,
                timerT1,
                threadPoolSize,
                sessionTimerMinSe,
                registrar,
                registrationExpires,
                registrationRetryMin,
                registrationRetryMax);
    }

    /** A copy with this session interval offered and this minimum accepted. */
    public SipProperties withSessionTimer(Duration interval, Duration minSe) {
        return new SipProperties(
                enabled,
                bindAddress,
                advertisedAddress,
                port,
                tlsPort,
                tlsKeyStore,
                tlsKeyStorePassword,
                trunkPeers,
                outboundProxy,
                username,
                realm,
                password,
                noAnswerTimeout,
                maxInvitesPerSecondPerSource,
                maxConcurrentCalls,
                maxMessageSize,
                interval,
                timerT1,
                threadPoolSize,
                minSe,
                registrar,
                registrationExpires,
                registrationRetryMin,
                registrationRetryMax);
    }

    /** A copy that sends every outbound request through {@code proxy} and registers (when given) with credentials. */
    public SipProperties withTrunkAccount(
            String proxy, String registrar, String username, String password, Duration expires) {
        return new SipProperties(
                enabled,
                bindAddress,
                advertisedAddress,
                port,
                tlsPort,
                tlsKeyStore,
                tlsKeyStorePassword,
                trunkPeers,
                proxy,
                username,
                realm,
                password,
                noAnswerTimeout,
                maxInvitesPerSecondPerSource,
                maxConcurrentCalls,
                maxMessageSize,
                sessionTimerInterval,
                timerT1,
                threadPoolSize,
                sessionTimerMinSe,
                registrar,
                expires,
                registrationRetryMin,
                registrationRetryMax);
    }

    /** Whether the trunk registers with a registrar. */
    public boolean registrationEnabled() {
        return !registrar.isEmpty();
    }

    /** Defaults for everything, as in {@code application.yml}; tests start from this and change what they need. */
    public static SipProperties defaults() {
        return new SipProperties(
                true,
                "0.0.0.0",
                "",
                5060,
                5061,
                "",
                "",
                List.of(),
                "",
                "",
                "",
                "",
                Duration.ofSeconds(60),
                50,
                1000,
                65536,
                Duration.ofSeconds(1800),
                Duration.ofMillis(500),
                8,
                Duration.ofSeconds(90),
                "",
                Duration.ofSeconds(3600),
                Duration.ofSeconds(5),
                Duration.ofSeconds(300));
    }

    /** Whether a TLS listening point is configured. */
    public boolean tlsEnabled() {
        return !tlsKeyStore.isEmpty();
    }

    /** The trunk credentials, when a user name is configured. */
    public Optional<TrunkCredentials> credentials() {
        return username.isEmpty() ? Optional.empty() : Optional.of(new TrunkCredentials(username, realm, password));
    }

    private static void requirePort(String name, int value, boolean zeroAllowed) {
        if (value < (zeroAllowed ? 0 : 1) || value > 65535) {
            throw new IllegalArgumentException(name + " must be a port number (0-65535), got " + value);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    /** Digest credentials towards the trunk; {@link #toString()} never shows the password. */
    public record TrunkCredentials(String username, String realm, String password) {
        @Override
        public String toString() {
            return "TrunkCredentials[username=" + username + ", realm=" + realm + "]";
        }
    }

    @Override
    public String toString() {
        return "SipProperties[bindAddress=" + bindAddress + ", port=" + port + ", tls=" + tlsEnabled() + ", trunkPeers="
                + trunkPeers + ", outboundProxy=" + outboundProxy + ", registrar=" + registrar + ", username="
                + username + "]";
    }
}
