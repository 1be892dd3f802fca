package dev.liaison.routes.call;

import dev.liaison.gateway.call.CallProperties;
import dev.liaison.routes.acd.AcdDestinationsProperties;
import dev.liaison.routes.audit.AuditLog;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The dial plan: stored in the database, filled from {@code liaison.dial-plan.destinations} once per database. */
@Configuration(proxyBeanMethods = false)
class DialPlanConfiguration {

    @Bean
    DialPlanStore dialPlanStore(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            DialPlanProperties configured,
            ObjectProvider<Clock> clock) {
        DialPlanStore store = new DialPlanStore(jdbc, transactions, clock.getIfAvailable(Clock::systemUTC));
        store.seedFrom(configured);
        return store;
    }

    @Bean
    DialPlanSettings dialPlanSettings(
            DialPlanStore store,
            ObjectProvider<CallProperties> calls,
            ObjectProvider<AcdDestinationsProperties> acdDestinations,
            AuditLog audit) {
        return new DialPlanSettings(
                store,
                calls.getIfAvailable(CallProperties::defaults).allowedSipTargets(),
                acdDestinations.getIfAvailable(() -> new AcdDestinationsProperties(null)),
                audit);
    }
}
