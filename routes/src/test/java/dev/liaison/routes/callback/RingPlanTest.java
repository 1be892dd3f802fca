package dev.liaison.routes.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.gateway.client.ClientSessionInfo;
import dev.liaison.palettes.callback.CallbackDialing;
import dev.liaison.palettes.callback.CallbackTarget;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Where an accepted callback attempt rings, and the callback trunk setting's checks. */
class RingPlanTest {

    private static final UUID CONTACT = UUID.randomUUID();
    private static final CallbackDialingProperties TRUNK =
            new CallbackDialingProperties("sip:{number}@pbx.example.net:5060", "Callback");
    private static final CallbackDialingProperties NO_TRUNK = new CallbackDialingProperties("", "Callback");
    private static final List<ClientSessionInfo> ONLINE = List.of(
            new ClientSessionInfo("s-other", UUID.randomUUID().toString(), "someone", "acme"),
            new ClientSessionInfo("s-1", CONTACT.toString(), "visitor", "acme"));

    @Test
    void anOnlineInAppCustomerIsRungInTheirSession() {
        assertThat(RingPlan.decide(dialing(CallbackTarget.IN_APP, "+14155550100"), false, ONLINE, TRUNK))
                .isEqualTo(new RingPlan.InApp("s-1"));
    }

    @Test
    void anOfflineInAppCustomerFallsBackToThePhoneOrCannotBeRung() {
        assertThat(RingPlan.decide(dialing(CallbackTarget.IN_APP, "+14155550100"), false, List.of(), TRUNK))
                .isEqualTo(new RingPlan.Phone("sip:+14155550100@pbx.example.net:5060", true));
        assertThat(RingPlan.decide(dialing(CallbackTarget.IN_APP, null), false, List.of(), TRUNK))
                .isInstanceOfSatisfying(
                        RingPlan.Impossible.class, i -> assertThat(i.reason()).isEqualTo("customer-offline"));
        assertThat(RingPlan.decide(dialing(CallbackTarget.IN_APP, "+14155550100"), true, ONLINE, TRUNK))
                .as("phone only after the session vanished")
                .isEqualTo(new RingPlan.Phone("sip:+14155550100@pbx.example.net:5060", true));
    }

    @Test
    void aPhoneCallbackCallsTheTrunkEvenWhenTheCustomerIsOnline() {
        assertThat(RingPlan.decide(dialing(CallbackTarget.PHONE, "+14155550100"), false, ONLINE, TRUNK))
                .isEqualTo(new RingPlan.Phone("sip:+14155550100@pbx.example.net:5060", false));
    }

    @Test
    void withoutACallbackTrunkAPhoneCallCannotStart() {
        assertThat(RingPlan.decide(dialing(CallbackTarget.PHONE, "+14155550100"), false, List.of(), NO_TRUNK))
                .isInstanceOfSatisfying(
                        RingPlan.Impossible.class, i -> assertThat(i.reason()).isEqualTo("no-trunk"));
    }

    @Test
    void aTemplateWithoutTheNumberOrNotSipStopsTheStart() {
        assertThatThrownBy(() -> new CallbackDialingProperties("sip:callback@pbx", "Callback"))
                .hasMessageContaining("sip-target-template must contain {number}");
        assertThatThrownBy(() -> new CallbackDialingProperties("tel:{number}", "Callback"))
                .hasMessageContaining("must start with sip:");
        assertThatThrownBy(() -> new CallbackDialingProperties("", " ")).hasMessageContaining("caller-name");
    }

    @Test
    void gatewayEndReasonsMapToOutcomes() {
        assertThat(CallbackOutcomes.outcomeOf("busy")).isEqualTo("busy");
        assertThat(CallbackOutcomes.outcomeOf("no-answer")).isEqualTo("no-answer");
        assertThat(CallbackOutcomes.outcomeOf("declined")).isEqualTo("failed");
        assertThat(CallbackOutcomes.outcomeOf("no-media")).isEqualTo("failed");
        assertThat(CallbackOutcomes.outcomeOf("sip-500")).isEqualTo("failed");
    }

    private static CallbackDialing dialing(CallbackTarget target, String phone) {
        return new CallbackDialing(UUID.randomUUID(), CONTACT, UUID.randomUUID(), "ann", target, phone, 1);
    }
}
