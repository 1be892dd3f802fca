package dev.liaison.routes.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.gateway.call.CallProperties;
import dev.liaison.routes.call.DialPlanProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** The ACD destination settings stop the application at startup with the key at fault. */
class AcdDestinationSettingsFailFastTest {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    @Test
    void aDestinationWithAQueueIsAccepted() {
        AcdDestinationsProperties settings = new AcdDestinationsProperties(
                Map.of("support", new AcdDestinationsProperties.Destination("general", null, 5, TEN_MINUTES)));

        assertThat(settings.destination("support"))
                .hasValueSatisfying(d -> assertThat(d.priority()).isEqualTo(5));
        assertThat(settings.destination("sales")).isEmpty();
        assertThat(settings.destination(null)).isEmpty();
    }

    @Test
    void bothOrNeitherOfQueueAndWorkflowIsRefused() {
        assertThatThrownBy(() -> new AcdDestinationsProperties(
                        Map.of("support", new AcdDestinationsProperties.Destination("q", "w", 0, TEN_MINUTES))))
                .hasMessage("liaison.acd.destinations.support: give exactly one of queue and workflow");
        assertThatThrownBy(() -> new AcdDestinationsProperties(
                        Map.of("support", new AcdDestinationsProperties.Destination(" ", null, 0, TEN_MINUTES))))
                .hasMessage("liaison.acd.destinations.support: give exactly one of queue and workflow");
    }

    @Test
    void priorityMaxWaitAndNameAreChecked() {
        assertThatThrownBy(() -> new AcdDestinationsProperties(
                        Map.of("support", new AcdDestinationsProperties.Destination("q", null, 1001, TEN_MINUTES))))
                .hasMessage("liaison.acd.destinations.support.priority must be 0 to 1000, got 1001");
        assertThatThrownBy(() -> new AcdDestinationsProperties(
                        Map.of("support", new AcdDestinationsProperties.Destination("q", null, 0, Duration.ZERO))))
                .hasMessage("liaison.acd.destinations.support.max-wait must be positive, got PT0S");
        assertThatThrownBy(() -> new AcdDestinationsProperties(
                        Map.of("sup port", new AcdDestinationsProperties.Destination("q", null, 0, TEN_MINUTES))))
                .hasMessageStartingWith("liaison.acd.destinations.sup port: a destination name is");
    }

    @Test
    void aMaxWaitTheGatewayRoutingTimeoutWouldCutShortIsRefused() {
        AcdDestinationsProperties settings = new AcdDestinationsProperties(
                Map.of("support", new AcdDestinationsProperties.Destination("q", null, 0, Duration.ofMinutes(30))));

        assertThatThrownBy(() -> new AcdDestinationsCheck(
                        settings, new DialPlanProperties(Map.of()), calls(Duration.ofMinutes(30))))
                .hasMessageStartingWith("liaison.acd.destinations.support.max-wait (PT30M) must be shorter than"
                        + " liaison.gateway.calls.routing-timeout (PT30M)");
        new AcdDestinationsCheck(settings, new DialPlanProperties(Map.of()), calls(Duration.ofMinutes(31)));
    }

    @Test
    void aDestinationBothTheAcdAndTheDialPlanClaimIsRefused() {
        AcdDestinationsProperties settings = new AcdDestinationsProperties(
                Map.of("support", new AcdDestinationsProperties.Destination("q", null, 0, TEN_MINUTES)));

        assertThatThrownBy(() -> new AcdDestinationsCheck(
                        settings,
                        new DialPlanProperties(Map.of("support", "client:agent-7")),
                        calls(Duration.ofMinutes(30))))
                .hasMessageContaining("also in liaison.dial-plan.destinations");
    }

    private static org.springframework.beans.factory.ObjectProvider<CallProperties> calls(Duration routingTimeout) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton(
                "calls", new CallProperties(1000, routingTimeout, Duration.ofSeconds(60), 64, List.of()));
        return beans.getBeanProvider(CallProperties.class);
    }
}
