package dev.liaison.routes.system;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NodeProperties.class)
class SystemConfiguration {

    /** The one clock everything that stamps or waits on time uses; tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
