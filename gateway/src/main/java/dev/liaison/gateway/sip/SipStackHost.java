package dev.liaison.gateway.sip;

import dev.liaison.gateway.call.CallRequests;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.clientauthutils.AccountManager;
import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import gov.nist.javax.sip.clientauthutils.UserCredentials;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Hosts the jain-sip stack of the trunk: creates it with explicit properties, binds the UDP and TCP listening points
 * (and TLS when a key store is configured) on one {@link SipProvider}, installs the {@link SipDispatcher}, and tears
 * all of it down on stop. Each host owns its own stack; nothing is static, so tests run several side by side.
 */
public final class SipStackHost implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SipStackHost.class);
    private static final AtomicInteger STACK_NUMBER = new AtomicInteger();
    private static final int EPHEMERAL_PORT_ATTEMPTS = 20;
    private static final java.util.List<String> TLS_CIPHER_SUITES = java.util.List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");

    private final SipProperties properties;
    private final Supplier<Optional<CallRequests>> callRequests;
    private final LegRegistry legs = new LegRegistry();
    private final SipMetrics metrics;
    private final Clock clock;
    /** Injected long timers (tests); null means timers on the trunk's own scheduler. */
    private final SipTimers injectedTimers;

    private volatile SipContext context;
    private volatile Registration registration;
    private ScheduledExecutorService scheduler;
    private SipStackImpl stack;
    private final java.util.List<ListeningPoint> listeningPoints = new java.util.ArrayList<>();

    public SipStackHost(
            SipProperties properties,
            Supplier<Optional<CallRequests>> callRequests,
            MeterRegistry meterRegistry,
            Clock clock) {
        this(properties, callRequests, meterRegistry, clock, null);
    }

    /** A host whose session, registration and transfer timers run on {@code timers} (tests move time by hand). */
    SipStackHost(
            SipProperties properties,
            Supplier<Optional<CallRequests>> callRequests,
            MeterRegistry meterRegistry,
            Clock clock,
            SipTimers timers) {
        this.properties = properties;
        this.callRequests = callRequests;
        this.metrics = new SipMetrics(meterRegistry, legs);
        this.clock = clock;
        this.injectedTimers = timers;
    }

    @Override
    public synchronized void start() {
        if (context != null) {
            return;
        }
        if (!properties.enabled()) {
            LOG.info("SIP trunk disabled (liaison.sip.enabled=false)");
            return;
        }
        try {
            stack = new SipStackImpl(stackProperties());
            SipProvider provider = bind();
            scheduler = newScheduler();
            String advertised = advertisedHost();
            Optional<AuthenticationHelper> authentication = properties
                    .credentials()
                    .map(credentials -> stack.getAuthenticationHelper(
                            accountManager(credentials), new gov.nist.javax.sip.header.HeaderFactoryImpl()));
            SipContext created = new SipContext(
                    stack,
                    provider,
                    new MessageFactoryImpl(),
                    new gov.nist.javax.sip.header.HeaderFactoryImpl(),
                    new gov.nist.javax.sip.address.AddressFactoryImpl(),
                    properties,
                    legs,
                    scheduler,
                    clock,
                    metrics,
                    callRequests,
                    authentication,
                    injectedTimers != null ? injectedTimers : SipTimers.on(scheduler),
                    advertised,
                    listeningPoints.get(0).getPort(),
                    properties.tlsEnabled() ? portOfBound(ListeningPoint.TLS) : -1);
            registration = properties.registrationEnabled() ? new Registration(created) : null;
            provider.addSipListener(new SipDispatcher(created, Optional.ofNullable(registration)));
            stack.start();
            context = created;
            if (registration != null) {
                registration.start();
            }
            LOG.info(
                    "SIP trunk listening on {}:{} (udp, tcp){}, advertised as {}",
                    properties.bindAddress(),
                    udpPort(),
                    properties.tlsEnabled() ? " and " + properties.tlsPort() + " (tls)" : "",
                    advertised);
        } catch (Exception e) {
            tearDown();
            throw new IllegalStateException(
                    "SIP trunk cannot start on " + properties.bindAddress() + ":" + properties.port() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    @Override
    public synchronized void stop() {
        SipContext running = context;
        if (running == null) {
            return;
        }
        for (SipLeg leg : legs.all()) {
            leg.hangUp(dev.liaison.gateway.call.EndReason.UNAVAILABLE);
        }
        if (registration != null) {
            registration.stop();
            registration = null;
        }
        context = null;
        tearDown();
        LOG.info("SIP trunk stopped");
    }

    @Override
    public boolean isRunning() {
        return context != null;
    }

    /** The running trunk, empty while stopped or disabled. */
    Optional<SipContext> context() {
        return Optional.ofNullable(context);
    }

    /** The actual UDP port (the configured one, or the ephemeral one picked for {@code port: 0}); -1 when stopped. */
    public int udpPort() {
        return portOf(ListeningPoint.UDP);
    }

    /** The actual TCP port; -1 when stopped. */
    public int tcpPort() {
        return portOf(ListeningPoint.TCP);
    }

    /** The SIP legs alive on this trunk. */
    public LegRegistry legs() {
        return legs;
    }

    /** Where the registration with the registrar stands; empty while stopped or without a registrar. */
    Optional<Registration.State> registrationState() {
        Registration current = registration;
        return current == null ? Optional.empty() : Optional.of(current.state());
    }

    /** The jain-sip stack while running, for diagnostics and for the tests' leak checks. */
    public Optional<SipStackImpl> stack() {
        return context().map(c -> c.stack);
    }

    /** The actual TLS port; -1 when stopped or without TLS. */
    public int tlsPort() {
        return portOf(ListeningPoint.TLS);
    }

    private synchronized int portOf(String transport) {
        if (context == null) {
            return -1;
        }
        return portOfBound(transport);
    }

    private int portOfBound(String transport) {
        return listeningPoints.stream()
                .filter(lp -> lp.getTransport().equalsIgnoreCase(transport))
                .mapToInt(ListeningPoint::getPort)
                .findFirst()
                .orElse(-1);
    }

    private Properties stackProperties() {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "liaison-sip-" + STACK_NUMBER.incrementAndGet());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(properties.threadPoolSize()));
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(properties.maxMessageSize()));
        // Bounded transaction tables: under overload the stack refuses new transactions instead of growing.
        p.setProperty(
                "gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", Integer.toString(properties.maxConcurrentCalls() * 4));
        p.setProperty(
                "gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", Integer.toString(properties.maxConcurrentCalls() * 4));
        p.setProperty(
                "gov.nist.javax.sip.MAX_CONNECTIONS", Integer.toString(Math.max(64, properties.maxConcurrentCalls())));
        // A TCP peer must send a complete message header within this time (slow senders are cut off).
        p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", "5000");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "false");
        p.setProperty("gov.nist.javax.sip.RFC_2543_SUPPORT_ENABLED", "true");
        p.setProperty("gov.nist.javax.sip.CANCEL_CLIENT_TRANSACTION_CHECKED", "true");
        // Drop responses to requests this stack never sent (RFC 4475 bcast, unreason): otherwise a stray 2xx to an
        // INVITE leaves a dialog in the table for ever.
        p.setProperty("gov.nist.javax.sip.REJECT_STRAY_RESPONSES", "true");
        if (!properties.outboundProxy().isEmpty()) {
            String proxy = properties.outboundProxy();
            p.setProperty("javax.sip.OUTBOUND_PROXY", proxy.contains("/") ? proxy : proxy + "/udp");
        }
        if (properties.tlsEnabled()) {
            p.setProperty("javax.net.ssl.keyStore", properties.tlsKeyStore());
            p.setProperty("javax.net.ssl.keyStorePassword", properties.tlsKeyStorePassword());
            p.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
            p.setProperty("javax.net.ssl.trustStore", properties.tlsKeyStore());
            p.setProperty("javax.net.ssl.trustStorePassword", properties.tlsKeyStorePassword());
            p.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            // "Disabled": no client certificate asked for, but the key store's certificate is served and peers'
            // certificates are checked against the trust store. ("DisabledAll" would drop our own key and trust any
            // certificate.)
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
            // jain-sip's own defaults are RSA key exchange suites and TLS 1.0-1.2: a modern (EC) certificate would
            // share no suite with anyone. TLS 1.3 and 1.2 with forward secrecy and AEAD only.
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.3, TLSv1.2");
            p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", String.join(", ", TLS_CIPHER_SUITES));
        }
        return p;
    }

    /** Binds UDP and TCP on one port (an ephemeral one for port 0), TLS if configured, and makes the provider. */
    private SipProvider bind() throws Exception {
        String address = properties.bindAddress();
        Exception last = null;
        int attempts = properties.port() == 0 ? EPHEMERAL_PORT_ATTEMPTS : 1;
        for (int attempt = 0; attempt < attempts; attempt++) {
            int port = properties.port() == 0 ? freeUdpPort(address) : properties.port();
            try {
                listeningPoints.add(stack.createListeningPoint(address, port, ListeningPoint.UDP));
                listeningPoints.add(stack.createListeningPoint(address, port, ListeningPoint.TCP));
                break;
            } catch (Exception e) {
                last = e;
                deleteListeningPoints();
            }
        }
        if (listeningPoints.isEmpty()) {
            throw last;
        }
        if (properties.tlsEnabled()) {
            listeningPoints.add(stack.createListeningPoint(address, properties.tlsPort(), ListeningPoint.TLS));
        }
        SipProvider provider = stack.createSipProvider(listeningPoints.get(0));
        for (ListeningPoint lp : listeningPoints.subList(1, listeningPoints.size())) {
            provider.addListeningPoint(lp);
        }
        return provider;
    }

    private static int freeUdpPort(String address) throws IOException {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 0))) {
            return probe.getLocalPort();
        }
    }

    private String advertisedHost() throws UnknownHostException {
        if (!properties.advertisedAddress().isEmpty()) {
            return properties.advertisedAddress();
        }
        InetAddress bound = InetAddress.getByName(properties.bindAddress());
        return bound.isAnyLocalAddress() ? InetAddress.getLocalHost().getHostAddress() : bound.getHostAddress();
    }

    private ScheduledExecutorService newScheduler() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "sip-timers");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return Executors.unconfigurableScheduledExecutorService(executor);
    }

    private static AccountManager accountManager(SipProperties.TrunkCredentials credentials) {
        return (transaction, realm) -> {
            if (!credentials.realm().isEmpty() && !credentials.realm().equals(realm)) {
                return null;
            }
            return new UserCredentials() {
                @Override
                public String getUserName() {
                    return credentials.username();
                }

                @Override
                public String getPassword() {
                    return credentials.password();
                }

                @Override
                public String getSipDomain() {
                    return realm;
                }
            };
        };
    }

    private void deleteListeningPoints() {
        for (ListeningPoint lp : listeningPoints) {
            try {
                stack.deleteListeningPoint(lp);
            } catch (Exception e) {
                LOG.debug("Could not delete listening point {}", lp, e);
            }
        }
        listeningPoints.clear();
    }

    private void tearDown() {
        if (stack != null) {
            java.util.Iterator<?> providers = stack.getSipProviders();
            java.util.List<SipProvider> toDelete = new java.util.ArrayList<>();
            providers.forEachRemaining(p -> toDelete.add((SipProvider) p));
            for (SipProvider provider : toDelete) {
                try {
                    stack.deleteSipProvider(provider);
                } catch (Exception e) {
                    LOG.debug("Could not delete SIP provider", e);
                }
            }
            deleteListeningPoints();
            stack.stop();
            stack = null;
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
