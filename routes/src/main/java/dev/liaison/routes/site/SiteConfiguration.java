package dev.liaison.routes.site;

import dev.liaison.gateway.client.token.ClientTokenIssuer;
import dev.liaison.routes.acd.AcdDestinationsProperties;
import dev.liaison.routes.audit.AuditLog;
import dev.liaison.routes.call.DialPlanStore;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Customer sites and their anonymous token endpoint. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SitesProperties.class, CustomerTokenProperties.class})
class SiteConfiguration {

    /**
     * Before Spring Security's filter chain (order -100, {@code SecurityProperties.DEFAULT_FILTER_ORDER}): a CORS
     * preflight carries no credentials and must be answered here, whatever the security rules, and a security
     * {@code CorsFilter} without a configuration for this path would end every preflight with no CORS headers.
     */
    static final int CORS_FILTER_ORDER = -110;

    /** The sites in the database, filled from {@code liaison.sites.*} on the first start of a database. */
    @Bean
    SiteStore siteStore(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            SitesProperties configured,
            ObjectProvider<Clock> clock) {
        SiteStore store = new SiteStore(jdbc, transactions, clock.getIfAvailable(Clock::systemUTC));
        store.seedFrom(configured);
        return store;
    }

    @Bean
    SiteSettings siteSettings(
            SiteStore sites,
            DialPlanStore dialPlan,
            ObjectProvider<AcdDestinationsProperties> acdDestinations,
            AuditLog audit) {
        return new SiteSettings(
                sites, dialPlan, acdDestinations.getIfAvailable(() -> new AcdDestinationsProperties(null)), audit);
    }

    @Bean
    CustomerTokens customerTokens(
            SiteStore sites, CustomerTokenProperties limits, ClientTokenIssuer issuer, ObjectProvider<Clock> clock) {
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
        registration.setOrder(CORS_FILTER_ORDER);
        return registration;
    }
}
