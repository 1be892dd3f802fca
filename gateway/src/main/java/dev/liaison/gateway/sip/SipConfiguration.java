package dev.liaison.gateway.sip;

import dev.liaison.gateway.call.CallRequests;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring wiring of the SIP trunk: the {@link SipProperties}, the {@link SipStackHost} lifecycle bean and the
 * {@link SipLegProvider}. The {@link CallRequests} bean is looked up per INVITE, so it may depend on the leg provider
 * without a cycle; without one, INVITEs get 480.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SipProperties.class)
public class SipConfiguration {

    @Bean
    SipStackHost sipStackHost(
            SipProperties properties,
            ObjectProvider<CallRequests> callRequests,
            ObjectProvider<MeterRegistry> meterRegistry,
            ObjectProvider<Clock> clock) {
        return new SipStackHost(
                properties,
                () -> Optional.ofNullable(callRequests.getIfAvailable()),
                meterRegistry.getIfAvailable(SimpleMeterRegistry::new),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    SipLegProvider sipLegProvider(SipStackHost host) {
        return new SipLegProvider(host);
    }
}
