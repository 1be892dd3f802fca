package dev.liaison.routes.media;

import dev.liaison.gateway.call.B2bua;
import dev.liaison.media.config.MediaBrokerConfiguration;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;
import org.springframework.context.annotation.Import;

/**
 * Runs the media broker in this process (unless {@code liaison.media.enabled=false}) and gives the gateway its media
 * port over {@code media:bridge} (through the {@code media-port} route). The port is a fallback bean: a test that declares its own {@code MediaPort} gets
 * that one. With the broker disabled there is no media port and connected calls end with {@code no-media}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "liaison.media", name = "enabled", havingValue = "true", matchIfMissing = true)
@Import(MediaBrokerConfiguration.class)
public class MediaWiring {

    @Bean
    @Fallback
    CamelMediaPort camelMediaPort(ObjectProvider<ProducerTemplate> producerTemplate) {
        return new CamelMediaPort(producerTemplate::getObject);
    }

    @Bean
    MediaPortRoutes mediaPortRoutes() {
        return new MediaPortRoutes();
    }

    @Bean
    MediaEndedRoutes mediaEndedRoutes(B2bua b2bua) {
        return new MediaEndedRoutes(b2bua);
    }
}
