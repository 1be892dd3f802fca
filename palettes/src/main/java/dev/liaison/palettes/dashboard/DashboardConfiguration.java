package dev.liaison.palettes.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.liaison.palettes.agent.AgentDirectory;
import dev.liaison.palettes.routing.AgentStatistics;
import dev.liaison.palettes.routing.QueueService;
import dev.liaison.palettes.routing.QueueStatistics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DashboardProperties.class)
class DashboardConfiguration {

    @Bean
    DashboardStreams dashboardStreams(DashboardProperties properties, MeterRegistry meters) {
        DashboardStreams streams = new DashboardStreams(
                properties.maxStreams(), properties.streamTimeout().toMillis());
        Gauge.builder("liaison.dashboard.streams", streams, DashboardStreams::count)
                .description("Statistics streams (GET /api/v1/statistics/stream) open on this node")
                .register(meters);
        return streams;
    }

    @Bean
    DashboardFeed dashboardFeed(
            DashboardStreams streams,
            QueueService queues,
            QueueStatistics queueStatistics,
            AgentDirectory agents,
            AgentStatistics agentStatistics,
            ObjectMapper json,
            Clock clock,
            DashboardProperties properties) {
        return new DashboardFeed(
                streams,
                queues,
                queueStatistics,
                agents,
                agentStatistics,
                json,
                clock,
                properties.interval().toMillis());
    }
}
