package dev.liaison.routes.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.gateway.call.B2bua;
import dev.liaison.gateway.call.CallProperties;
import dev.liaison.gateway.call.PassThroughMediaPort;
import dev.liaison.gateway.media.MediaPort;
import dev.liaison.media.bridge.MediaBridges;
import dev.liaison.media.config.MediaBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The broker is on by default, off with liaison.media.enabled=false, and a test's own MediaPort wins. */
class MediaWiringTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(MediaWiring.class)
            .withBean(
                    B2bua.class,
                    () -> new B2bua(
                            CallProperties.defaults(),
                            List.of(),
                            Optional.empty(),
                            scheduler,
                            Clock.systemUTC(),
                            new SimpleMeterRegistry()))
            .withPropertyValues("liaison.media.mux.port=0", "liaison.media.mux.bind-address=127.0.0.1");

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void byDefaultTheBrokerRunsAndTheGatewayGetsTheCamelMediaPort() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(MediaBroker.class).hasSingleBean(MediaBridges.class);
            assertThat(context.getBeanProvider(MediaPort.class).getIfAvailable())
                    .isInstanceOf(CamelMediaPort.class);
            assertThat(context.getBean(MediaBroker.class)
                            .resources()
                            .mux()
                            .localAddress()
                            .getPort())
                    .isPositive();
        });
    }

    @Test
    void disabledMeansNoBrokerAndNoMediaPort() {
        runner.withPropertyValues("liaison.media.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(MediaBroker.class).doesNotHaveBean(MediaPort.class);
            assertThat(context.getBeanProvider(MediaPort.class).getIfAvailable())
                    .isNull();
        });
    }

    @Test
    void aMediaPortDeclaredByATestWinsOverTheCamelOne() {
        PassThroughMediaPort own = new PassThroughMediaPort();
        runner.withBean("mediaPort", PassThroughMediaPort.class, () -> own).run(context -> {
            assertThat(context.getBeanProvider(MediaPort.class).getIfAvailable())
                    .isSameAs(own);
            assertThat(context.getBean(MediaPort.class)).isSameAs(own);
        });
    }
}
