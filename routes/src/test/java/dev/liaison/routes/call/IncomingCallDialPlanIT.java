package dev.liaison.routes.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.gateway.call.B2bua;
import dev.liaison.gateway.call.CallRequest;
import dev.liaison.gateway.call.FakeLeg;
import dev.liaison.gateway.call.LegKind;
import dev.liaison.gateway.call.MediaMode;
import dev.liaison.routes.support.LiaisonIntegrationTest;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Incoming calls reach the {@code call-incoming} route through the gateway component and follow the dial plan. */
@LiaisonIntegrationTest
class IncomingCallDialPlanIT {

    @Autowired
    B2bua b2bua;

    @Test
    void callToADestinationOutsideTheDialPlanIsRefusedAsNotFound() {
        FakeLeg caller = new FakeLeg("browser", LegKind.CLIENT);
        b2bua.incoming(
                caller,
                new CallRequest("nowhere", Optional.of("v=0"), MediaMode.AUDIO, Optional.of("corr-1"), Map.of()));
        await().until(() -> caller.lastCommand().equals("hangUp not-found"));
        assertThat(b2bua.activeCallIds()).isEmpty();
    }
}
