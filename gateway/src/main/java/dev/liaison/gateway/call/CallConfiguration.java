package dev.liaison.gateway.call;

import dev.liaison.gateway.media.MediaPort;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the back-to-back user agent with whatever leg providers (client, SIP) and media port the application has.
 * Without a media port, calls that get connected end with {@code no-media} (503).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CallProperties.class, QualityProperties.class})
public class CallConfiguration {

    @Bean
    CallScheduler gatewayCallScheduler() {
        return new CallScheduler(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    @Bean
    B2bua b2bua(
            CallProperties properties,
            QualityProperties quality,
            ObjectProvider<LegProvider> legProviders,
            ObjectProvider<MediaPort> mediaPort,
            CallScheduler gatewayCallScheduler,
            ObjectProvider<Clock> clock,
            ObjectProvider<MeterRegistry> meters) {
        return new B2bua(
                properties,
                quality,
                legProviders.orderedStream().toList(),
                Optional.ofNullable(mediaPort.getIfAvailable()),
                gatewayCallScheduler.executor(),
                clock.getIfAvailable(Clock::systemUTC),
                meters.getIfAvailable());
    }
}
