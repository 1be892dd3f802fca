package dev.liaison.media.config;

import dev.liaison.media.bridge.MediaBridges;
import dev.liaison.media.camel.MediaComponent;
import dev.liaison.media.camel.MediaEvents;
import dev.liaison.media.leg.LegFactory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The media broker in-process: settings, the running {@link MediaBroker} (port, certificate, sweeps), the leg factory,
 * the bridges and the {@code media:} component (bean {@code media}, which Camel picks up by name). Legs and bridges come
 * from the {@link BrokerAssembly} bean when there is one, from {@link StandardBrokerAssembly} otherwise. The
 * application imports this only when {@code liaison.media.enabled} is true.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaProperties.class)
public class MediaBrokerConfiguration {

    @Bean
    MediaEvents mediaEvents(ObjectProvider<MeterRegistry> meters) {
        return new MediaEvents(meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean(destroyMethod = "close")
    MediaBroker mediaBroker(
            MediaProperties properties,
            MediaEvents mediaEvents,
            ObjectProvider<Clock> clock,
            ObjectProvider<MeterRegistry> meters) {
        return new MediaBroker(
                properties,
                mediaEvents,
                clock.getIfAvailable(Clock::systemUTC),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    LegFactory mediaLegFactory(MediaBroker mediaBroker, ObjectProvider<BrokerAssembly> assembly) {
        return assembly.getIfAvailable(StandardBrokerAssembly::new).legs(mediaBroker.resources());
    }

    /** Closed (when it is {@link AutoCloseable}) before the broker's port and thread. */
    @Bean
    MediaBridges mediaBridges(
            MediaBroker mediaBroker, LegFactory mediaLegFactory, ObjectProvider<BrokerAssembly> assembly) {
        MediaBridges bridges =
                assembly.getIfAvailable(StandardBrokerAssembly::new).bridges(mediaLegFactory, mediaBroker.resources());
        Gauge.builder("liaison.media.bridges.open", bridges, MediaBridges::openCount)
                .description("Media bridges open now")
                .register(mediaBroker.resources().meters());
        return bridges;
    }

    @Bean("media")
    MediaComponent mediaComponent(MediaBridges mediaBridges, MediaEvents mediaEvents) {
        return new MediaComponent(mediaBridges, mediaEvents);
    }
}
