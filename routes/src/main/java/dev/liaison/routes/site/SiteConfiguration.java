package dev.liaison.routes.site;

import dev.liaison.gateway.client.token.ClientTokenIssuer;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Customer sites and their anonymous token endpoint. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SitesProperties.class, CustomerTokenProperties.class})
class SiteConfiguration {

    @Bean
    CustomerTokens customerTokens(
            SitesProperties sites,
            CustomerTokenProperties limits,
            ClientTokenIssuer issuer,
            ObjectProvider<Clock> clock) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        return new CustomerTokens(
                sites,
                issuer,
                new AddressRateLimiter(limits.requestsPerMinute(), limits.trackedAddresses(), time),
                time);
    }

    @Bean
    FilterRegistrationBean<CustomerTokenCors> customerTokenCors(CustomerTokens tokens) {
        FilterRegistrationBean<CustomerTokenCors> registration =
                new FilterRegistrationBean<>(new CustomerTokenCors(tokens));
        registration.addUrlPatterns("/api/v1/sites/*");
        registration.setName("customerTokenCors");
        return registration;
    }
}
