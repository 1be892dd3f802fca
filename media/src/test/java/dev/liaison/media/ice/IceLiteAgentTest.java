package dev.liaison.media.ice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liaison.media.stun.ErrorCode;
import dev.liaison.media.stun.StunDecoder;
import dev.liaison.media.stun.StunIntegrity;
import dev.liaison.media.stun.StunMessage;
import dev.liaison.media.stun.StunMessageBuilder;
import dev.liaison.media.stun.StunMessageType;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class IceLiteAgentTest {

    private static final IceCredentials LOCAL = new IceCredentials("loca", "localpasswordof22chars");
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 50000);
    private static final byte[] TID = new byte[12];

    private final MutableClock clock = new MutableClock();
    private final IceLiteAgent agent = new IceLiteAgent(LOCAL, "peer", clock, Duration.ofSeconds(30));

    @Test
    void validCheckIsAnsweredWithTheSourceAddressSignedAndFingerprinted() throws Exception {
        CheckResult result = agent.handle(check(b -> b), PEER);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.SUCCESS);
        StunMessage response = StunDecoder.decode(result.response().orElseThrow());
        assertThat(response.type()).isEqualTo(StunMessageType.BINDING_SUCCESS);
        assertThat(response.xorMappedAddress()).contains(PEER);
        assertThat(StunIntegrity.hasValidIntegrity(response, StunIntegrity.shortTermKey(LOCAL.pwd())))
                .isTrue();
        assertThat(StunIntegrity.hasValidFingerprint(response)).isTrue();
        assertThat(agent.state()).isEqualTo(IceState.CHECKING);
        assertThat(agent.nominatedAddress()).isEmpty();
    }

    @Test
    void useCandidateNominatesTheSourceAddress() {
        CheckResult result = agent.handle(check(StunMessageBuilder::useCandidate), PEER);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.NOMINATED);
        assertThat(agent.state()).isEqualTo(IceState.CONNECTED);
        assertThat(agent.nominatedAddress()).contains(PEER);
    }

    @Test
    void wrongPasswordGets401() throws Exception {
        byte[] wire = new StunMessageBuilder(StunMessageType.BINDING_REQUEST, TID)
                .username("loca:peer")
                .priority(1)
                .iceControlling(1)
                .build(StunIntegrity.shortTermKey("not-the-password-at-all"), true);

        assertError(agent.handle(StunDecoder.decode(wire), PEER), CheckOutcome.UNAUTHENTICATED, 401);
    }

    @Test
    void wrongRemoteUfragGets401() throws Exception {
        byte[] wire = new StunMessageBuilder(StunMessageType.BINDING_REQUEST, TID)
                .username("loca:other")
                .priority(1)
                .build(StunIntegrity.shortTermKey(LOCAL.pwd()), true);

        assertError(agent.handle(StunDecoder.decode(wire), PEER), CheckOutcome.UNAUTHENTICATED, 401);
    }

    @Test
    void missingPriorityOrIntegrityGets400() throws Exception {
        byte[] noPriority = new StunMessageBuilder(StunMessageType.BINDING_REQUEST, TID)
                .username("loca:peer")
                .build(StunIntegrity.shortTermKey(LOCAL.pwd()), true);
        byte[] noIntegrity = new StunMessageBuilder(StunMessageType.BINDING_REQUEST, TID)
                .username("loca:peer")
                .priority(1)
                .build(null, true);

        assertError(agent.handle(StunDecoder.decode(noPriority), PEER), CheckOutcome.BAD_REQUEST, 400);
        assertError(agent.handle(StunDecoder.decode(noIntegrity), PEER), CheckOutcome.BAD_REQUEST, 400);
    }

    @Test
    void aPeerThatIsControlledTooGets487() throws Exception {
        CheckResult result = agent.handle(check(b -> b.iceControlled(42)), PEER);

        assertError(result, CheckOutcome.ROLE_CONFLICT, 487);
        assertThat(agent.state()).isEqualTo(IceState.WAITING);
    }

    @Test
    void unknownComprehensionRequiredAttributeGets420() throws Exception {
        assertError(
                agent.handle(check(b -> b.attribute(0x7123, new byte[4])), PEER), CheckOutcome.UNKNOWN_ATTRIBUTE, 420);
    }

    @Test
    void badFingerprintIsDroppedSilently() throws Exception {
        byte[] wire = new StunMessageBuilder(StunMessageType.BINDING_REQUEST, TID)
                .username("loca:peer")
                .priority(1)
                .build(StunIntegrity.shortTermKey(LOCAL.pwd()), true);
        wire[wire.length - 1] ^= 1;

        CheckResult result = agent.handle(StunDecoder.decode(wire), PEER);

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DISCARDED);
        assertThat(result.response()).isEmpty();
    }

    @Test
    void consentExpiresThirtySecondsAfterTheLastValidCheck() {
        agent.handle(check(StunMessageBuilder::useCandidate), PEER);
        clock.advance(Duration.ofSeconds(25));
        agent.handle(check(b -> b), PEER);
        clock.advance(Duration.ofSeconds(29));

        assertThat(agent.expireConsent()).isFalse();
        assertThat(agent.state()).isEqualTo(IceState.CONNECTED);

        clock.advance(Duration.ofSeconds(2));
        assertThat(agent.expireConsent()).isTrue();
        assertThat(agent.state()).isEqualTo(IceState.CONSENT_EXPIRED);
        assertThat(agent.handle(check(b -> b), PEER).outcome()).isEqualTo(CheckOutcome.DISCARDED);
    }

    @Test
    void invalidChecksDoNotRefreshConsent() throws Exception {
        clock.advance(Duration.ofSeconds(20));
        agent.handle(check(b -> b.iceControlled(1)), PEER);
        clock.advance(Duration.ofSeconds(11));

        assertThat(agent.expireConsent()).isTrue();
    }

    private static StunMessage check(UnaryOperator<StunMessageBuilder> extra) {
        StunMessageBuilder builder = new StunMessageBuilder(StunMessageType.BINDING_REQUEST, TID)
                .username("loca:peer")
                .priority(0x6e0001ffL);
        try {
            return StunDecoder.decode(extra.apply(builder).build(StunIntegrity.shortTermKey(LOCAL.pwd()), true));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertError(CheckResult result, CheckOutcome outcome, int code) throws Exception {
        assertThat(result.outcome()).isEqualTo(outcome);
        StunMessage response = StunDecoder.decode(result.response().orElseThrow());
        assertThat(response.type()).isEqualTo(StunMessageType.BINDING_ERROR);
        assertThat(response.errorCode()).map(ErrorCode::code).contains(code);
    }
}
