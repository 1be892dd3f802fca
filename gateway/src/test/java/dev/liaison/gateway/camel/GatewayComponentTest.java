package dev.liaison.gateway.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.liaison.gateway.call.B2bua;
import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.CallNotFoundException;
import dev.liaison.gateway.call.CallProperties;
import dev.liaison.gateway.call.CallRequest;
import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.FakeLeg;
import dev.liaison.gateway.call.FakeMediaPort;
import dev.liaison.gateway.call.LegKind;
import dev.liaison.gateway.call.LegProvider;
import dev.liaison.gateway.call.LegState;
import dev.liaison.gateway.call.MediaMode;
import dev.liaison.gateway.call.TargetNotAllowedException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code gateway:} component on a plain Camel context, in front of a B2BUA with recording legs. */
class GatewayComponentTest {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final FakeMediaPort media = new FakeMediaPort();
    private final FakeLeg caller = new FakeLeg("caller", LegKind.CLIENT);
    private final FakeLeg callee = new FakeLeg("callee", LegKind.SIP);
    private final FakeLeg transferTarget = new FakeLeg("transfer-target", LegKind.SIP);
    private B2bua b2bua;
    private CamelContext camel;
    private ProducerTemplate template;

    @BeforeEach
    void start() {
        LegProvider sip = new LegProvider() {
            @Override
            public LegKind kind() {
                return LegKind.SIP;
            }

            @Override
            public Optional<CallLeg> createOutbound(String target, String callId, CallRequest request) {
                return Optional.of(callee.state() == LegState.NEW ? callee : transferTarget);
            }
        };
        b2bua = new B2bua(
                new CallProperties(10, Duration.ofSeconds(30), Duration.ofSeconds(30), 16, List.of("sip:\\+44.*")),
                List.of(sip),
                Optional.of(media),
                scheduler,
                Clock.systemUTC(),
                null);
        camel = new DefaultCamelContext();
        camel.addComponent("gateway", new GatewayComponent(b2bua));
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        scheduler.shutdownNow();
        assertThat(b2bua.activeCallIds()).isEmpty();
    }

    private void routes(RouteBuilder builder) throws Exception {
        camel.addRoutes(builder);
        camel.start();
    }

    @Test
    void incomingCallIsConnectedToTheTargetTheRouteSetsAndHungUpByCommand() throws Exception {
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gateway:calls?events=call.incoming")
                        .routeId("test-incoming")
                        .setHeader(GatewayConstants.TARGET, simple("sip:+4420${header.LiaisonGatewayDestination}@pbx"));
                from("gateway:calls?events=call.answered,call.ended")
                        .routeId("test-events")
                        .to("mock:events");
            }
        });
        MockEndpoint events = camel.getEndpoint("mock:events", MockEndpoint.class);
        events.expectedHeaderValuesReceivedInAnyOrder(GatewayConstants.EVENT, "call.answered", "call.ended");

        b2bua.incoming(caller, request("71234567"));
        await().until(() -> callee.lastCommand().equals("start broker(A->B):offer"));
        callee.listener().onAnswered(callee, "answer");
        await().until(() -> caller.lastCommand().startsWith("answer"));
        String callId = b2bua.activeCallIds().iterator().next();

        template.sendBodyAndHeader("gateway:calls?command=hangup", null, GatewayConstants.CALL_ID, callId);
        await().until(() -> b2bua.activeCallIds().isEmpty());
        assertThat(callee.lastCommand()).isEqualTo("hangUp normal");
        events.assertIsSatisfied();
        assertThat(events.getExchanges().get(1).getIn().getHeader(GatewayConstants.REASON))
                .isEqualTo("normal");
    }

    @Test
    void transferRequestIsResolvedByTheRouteOrRefusedWithItsReason() throws Exception {
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gateway:calls?events=call.incoming")
                        .routeId("test-incoming")
                        .setHeader(GatewayConstants.TARGET, constant("sip:+442071234567@pbx"));
                from("gateway:calls?events=call.transfer-requested")
                        .routeId("test-transfer")
                        .choice()
                        .when(header(GatewayConstants.DESTINATION).isEqualTo("sales"))
                        .setHeader(GatewayConstants.TARGET, constant("sip:+442071110000@pbx"))
                        .otherwise()
                        .setHeader(GatewayConstants.REASON, constant("not-found"));
                from("gateway:calls?events=call.transferred,call.transfer-failed")
                        .routeId("test-transfer-events")
                        .to("mock:transfers");
            }
        });
        MockEndpoint transfers = camel.getEndpoint("mock:transfers", MockEndpoint.class);
        transfers.expectedHeaderValuesReceivedInAnyOrder(
                GatewayConstants.EVENT, "call.transfer-failed", "call.transferred");

        b2bua.incoming(caller, request("support"));
        await().until(() -> callee.commands().size() == 1);
        callee.listener().onAnswered(callee, "answer");
        await().until(() -> caller.lastCommand().startsWith("answer"));

        callee.listener().onTransferRequested(callee, "sip:nobody@liaison.example", Optional.empty());
        await().until(() -> callee.lastCommand().equals("transferOutcome 404"));
        callee.listener().onTransferRequested(callee, "sip:sales@liaison.example", Optional.empty());
        await().until(() -> transferTarget.lastCommand().equals("start <no offer>"));
        transferTarget.listener().onAnswered(transferTarget, "offer-C");
        await().until(() -> callee.lastCommand().equals("hangUp normal"));
        caller.listener().onMediaAnswer(caller, "answer-A");
        await().until(() -> transferTarget.lastCommand().startsWith("answerMediaUpdate"));

        transfers.assertIsSatisfied();
        assertThat(transfers.getExchanges().get(1).getIn().getHeader(GatewayConstants.TARGET))
                .isEqualTo("sip:+442071110000@pbx");
        String callId = b2bua.activeCallIds().iterator().next();
        template.sendBodyAndHeader("gateway:calls?command=hangup", null, GatewayConstants.CALL_ID, callId);
        await().until(() -> b2bua.activeCallIds().isEmpty());
        assertThat(transferTarget.lastCommand()).isEqualTo("hangUp normal");
    }

    @Test
    void routeThatSetsAReasonRefusesTheCall() throws Exception {
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gateway:calls?events=call.incoming")
                        .routeId("test-busy")
                        .setHeader(GatewayConstants.REASON, constant("busy"));
            }
        });
        b2bua.incoming(caller, request("support"));
        await().until(() -> caller.lastCommand().equals("hangUp busy"));
    }

    @Test
    void routeThatFailsRefusesTheCallWith500() throws Exception {
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gateway:calls?events=call.incoming")
                        .routeId("test-failing")
                        .throwException(new IllegalStateException("routing database down"));
            }
        });
        b2bua.incoming(caller, request("support"));
        await().until(() -> caller.lastCommand().equals("hangUp route-failed"));
    }

    @Test
    void targetOutsideTheAllowListIsRefusedAsForbidden() throws Exception {
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gateway:calls?events=call.incoming")
                        .routeId("test-premium")
                        .setHeader(GatewayConstants.TARGET, constant("sip:+19005550100@pbx"));
            }
        });
        b2bua.incoming(caller, request("support"));
        await().until(() -> caller.lastCommand().equals("hangUp forbidden"));
        assertThat(callee.commands()).isEmpty();
    }

    @Test
    void commandOnAnUnknownCallFailsTheExchange() throws Exception {
        routes(new RouteBuilder() {
            @Override
            public void configure() {}
        });
        assertThatThrownBy(() -> template.sendBodyAndHeaders(
                        "gateway:calls",
                        null,
                        Map.of(GatewayConstants.CALL_ID, "nope", GatewayConstants.COMMAND, "hangup")))
                .isInstanceOf(CamelExecutionException.class)
                .hasCauseInstanceOf(CallNotFoundException.class);
    }

    @Test
    void originatePlacesACallUnderTheGivenIdAndRefusesAForbiddenTarget() throws Exception {
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gateway:calls?events=call.ended").routeId("test-ended").to("mock:ended");
            }
        });
        MockEndpoint ended = camel.getEndpoint("mock:ended", MockEndpoint.class);
        ended.expectedHeaderReceived(GatewayConstants.CALL_ID, "cb-1");

        org.apache.camel.Exchange placed =
                template.request("gateway:calls?command=originate", exchange -> exchange.getIn()
                        .setHeaders(Map.of(
                                GatewayConstants.CALL_ID, "cb-1",
                                GatewayConstants.TARGET, "sip:+442071234567@pbx",
                                GatewayConstants.DESTINATION, "callback:42",
                                GatewayConstants.FROM, "Support")));
        assertThat(placed.getException()).isNull();
        assertThat(placed.getMessage().getHeader(GatewayConstants.CALL_ID)).isEqualTo("cb-1");
        await().until(() -> callee.lastCommand().startsWith("start broker(A->B):v=0"));
        assertThat(b2bua.activeCallIds()).containsExactly("cb-1");

        assertThatThrownBy(() -> template.sendBodyAndHeaders(
                        "gateway:calls?command=originate",
                        null,
                        Map.of(GatewayConstants.TARGET, "sip:+19005550100@pbx")))
                .hasRootCauseInstanceOf(TargetNotAllowedException.class);
        assertThat(b2bua.activeCallIds()).containsExactly("cb-1");

        callee.listener().onEnded(callee, dev.liaison.gateway.call.EndReason.BUSY);
        await().until(() -> b2bua.activeCallIds().isEmpty());
        ended.assertIsSatisfied();
        assertThat(ended.getExchanges().get(0).getIn().getHeader(GatewayConstants.REASON))
                .isEqualTo("busy");
    }

    @Test
    void unknownCommandsReasonsChannelsAndOptionsAreRefusedWithTheirName() throws Exception {
        routes(new RouteBuilder() {
            @Override
            public void configure() {}
        });
        assertThatThrownBy(() -> template.sendBodyAndHeaders(
                        "gateway:calls", null, Map.of(GatewayConstants.CALL_ID, "x", GatewayConstants.COMMAND, "fly")))
                .hasRootCauseMessage(
                        "Unknown gateway command 'fly'; expected connect, ring, reject, hangup, originate, transfer or refuse-transfer");
        b2bua.incoming(caller, request("support"));
        assertThat(caller.lastCommand()).isEqualTo("reject 404");
        assertThatThrownBy(() -> camel.getEndpoint("gateway:phones"))
                .isInstanceOf(ResolveEndpointFailedException.class);
        assertThatThrownBy(() -> camel.getEndpoint("gateway:calls?colour=blue"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("colour");
        assertThatThrownBy(() -> camel.getEndpoint("gateway:calls?command=fly"))
                .isInstanceOf(ResolveEndpointFailedException.class);
        assertThat(EndReasons.forFailure(new IllegalStateException())).isEqualTo(EndReason.ERROR);
    }

    private static CallRequest request(String destination) {
        return new CallRequest(destination, Optional.of("offer"), MediaMode.AUDIO, Optional.empty(), Map.of());
    }
}
