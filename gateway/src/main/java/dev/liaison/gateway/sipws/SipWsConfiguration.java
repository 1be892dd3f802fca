package dev.liaison.gateway.sipws;

import dev.liaison.gateway.call.CallRequests;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * SIP over WebSocket (RFC 7118) on {@code /ws/sip} of the application's HTTP server: registrar with digest
 * authentication, calls from registered clients into the back-to-back user agent, and a {@code SIP_WS} leg provider
 * for calls to registered users. Off with {@code liaison.sip.ws.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "liaison.sip.ws", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(SipWsProperties.class)
@EnableWebSocket
public class SipWsConfiguration implements WebSocketConfigurer {

    /** The path of the SIP-over-WebSocket endpoint. */
    public static final String PATH = "/ws/sip";

    private final SipWsHandler handler;
    private final WsSipLegProvider legProvider;
    private final Executors threads = new Executors();

    public SipWsConfiguration(
            SipWsProperties properties,
            ObjectProvider<CallRequests> callRequests,
            ObjectProvider<Clock> clockProvider,
            ObjectProvider<MeterRegistry> meters) {
        Clock clock = clockProvider.getIfAvailable(Clock::systemUTC);
        Registrar registrar = new Registrar(properties.maxBindingsPerUser(), clock);
        SipWsMetrics metrics =
                new SipWsMetrics(meters.getIfAvailable(SimpleMeterRegistry::new), registrar::bindingCount);
        DigestAuthenticator authenticator = new DigestAuthenticator(properties, clock);
        CallHandler calls = new CallHandler(
                properties,
                authenticator,
                () -> Optional.ofNullable(callRequests.getIfAvailable()),
                threads.timers,
                leg -> {});
        this.handler = new SipWsHandler(
                properties,
                new RegisterHandler(properties, authenticator, registrar, clock),
                calls,
                registrar,
                threads.writer,
                clock,
                metrics);
        this.legProvider = new WsSipLegProvider(registrar, threads.timers, properties, leg -> {});
        threads.timers.scheduleWithFixedDelay(registrar::sweep, 10, 10, TimeUnit.SECONDS);
    }

    @Bean
    SipWsHandler sipWsHandler() {
        return handler;
    }

    /** Calls to registered users ({@code ws-sip:<user>} dial-plan targets). */
    @Bean
    WsSipLegProvider wsSipLegProvider() {
        return legProvider;
    }

    @Bean(destroyMethod = "close")
    Executors sipWsThreads() {
        return threads;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, PATH)
                .addInterceptors(new SubprotocolRequired())
                .setAllowedOriginPatterns("*");
    }

    /** The endpoint's own threads: message writers and the timers (no-answer, ACK wait, expiry sweep). */
    static final class Executors implements AutoCloseable {
        final ScheduledExecutorService timers =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(daemon("sipws-timers"));
        final ExecutorService writer = java.util.concurrent.Executors.newFixedThreadPool(2, daemon("sipws-writer"));

        @Override
        public void close() {
            timers.shutdownNow();
            writer.shutdownNow();
        }

        private static java.util.concurrent.ThreadFactory daemon(String name) {
            AtomicInteger n = new AtomicInteger();
            return runnable -> {
                Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }
    }
}
