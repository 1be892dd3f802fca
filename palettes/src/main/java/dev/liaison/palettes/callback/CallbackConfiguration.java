package dev.liaison.palettes.callback;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Callback settings, and what db-scheduler (auto-configured by its Spring Boot starter on the application's
 * DataSource) needs from this feature: the one-time task that queues an attempt, and the application's clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CallbackProperties.class)
class CallbackConfiguration {

    /** Queues the callback attempt named by the execution's instance id; see {@link CallbackSchedule}. */
    @Bean
    OneTimeTask<Void> callbackAttemptTask(CallbackDispatcher dispatcher, CallbackProperties properties) {
        return Tasks.oneTime(CallbackSchedule.ATTEMPT)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(properties.dispatchRetry()))
                .execute((instance, context) -> dispatcher.fireDue(instance.getId()));
    }

    /**
     * db-scheduler reads time from the application's clock, so executions fall due on the same time line as the rest
     * of the product (and tests that move the clock move the scheduler too).
     */
    @Bean
    com.github.kagkarlsson.scheduler.Clock liaisonSchedulerClock(Clock clock) {
        return clock::instant;
    }
}
