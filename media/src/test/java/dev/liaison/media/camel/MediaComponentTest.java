package dev.liaison.media.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.media.bridge.BridgeSide;
import dev.liaison.media.bridge.BridgeStatistics;
import dev.liaison.media.bridge.LegProfile;
import dev.liaison.media.bridge.MediaRefusedException;
import dev.liaison.media.bridge.ReceivedDtmf;
import dev.liaison.media.leg.LegEndReason;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MediaComponentTest {

    private final FakeMediaBridges bridges = new FakeMediaBridges();
    private final MediaEvents events = new MediaEvents();
    private CamelContext camel;
    private ProducerTemplate template;

    @BeforeEach
    void startCamel() throws Exception {
        camel = new DefaultCamelContext();
        camel.addComponent("media", new MediaComponent(bridges, events));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("media:events").routeId("ended").to("mock:ended");
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() throws Exception {
        template.close();
        camel.close();
        assertThat(events.listenerCount()).isZero();
    }

    @Test
    void openReturnsTheBridgeIdInTheBodyAndHeader() {
        Exchange exchange = template.request("media:bridge", e -> e.getIn()
                .setHeaders(Map.of(MediaConstants.OPERATION, "open", MediaConstants.CALL_ID, "call-1")));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo("bridge-1");
        assertThat(exchange.getMessage().getHeader(MediaConstants.BRIDGE_ID)).isEqualTo("bridge-1");
        assertThat(bridges.calls).containsExactly("open call-1");
        assertThat(bridges.openCount()).isEqualTo(1);
    }

    @Test
    void offerAnswerAndCloseCarrySdpInTheBody() {
        String bridgeId = open("call-2");

        String offer = template.requestBodyAndHeaders(
                "media:bridge?operation=offer",
                "caller-offer",
                Map.of(
                        MediaConstants.BRIDGE_ID,
                        bridgeId,
                        MediaConstants.SIDE,
                        "A",
                        MediaConstants.FROM_PROFILE,
                        LegProfile.WEBRTC,
                        MediaConstants.TO_PROFILE,
                        "rtp"),
                String.class);
        String answer = template.requestBodyAndHeaders(
                "media:bridge",
                "callee-answer",
                Map.of(
                        MediaConstants.OPERATION,
                        "answer",
                        MediaConstants.BRIDGE_ID,
                        bridgeId,
                        MediaConstants.SIDE,
                        BridgeSide.B,
                        MediaConstants.FROM_PROFILE,
                        "RTP"),
                String.class);
        template.sendBodyAndHeaders("media:bridge?operation=close", null, Map.of(MediaConstants.BRIDGE_ID, bridgeId));

        assertThat(offer).isEqualTo("v=0 broker offer to RTP for caller-offer");
        assertThat(answer).isEqualTo("v=0 broker answer for callee-answer");
        assertThat(bridges.calls)
                .containsExactly(
                        "open call-2",
                        "offer " + bridgeId + " A WEBRTC->RTP",
                        "answer " + bridgeId + " B RTP",
                        "close " + bridgeId);
        assertThat(bridges.openCount()).isZero();
    }

    @Test
    void theHeaderOperationOverridesTheEndpointOption() {
        String bridgeId = open("call-3");

        template.sendBodyAndHeaders(
                "media:bridge?operation=offer",
                null,
                Map.of(MediaConstants.OPERATION, "close", MediaConstants.BRIDGE_ID, bridgeId));

        assertThat(bridges.calls).containsExactly("open call-3", "close " + bridgeId);
    }

    @Test
    void aRefusalFailsTheExchangeWithItsReasonInAHeader() {
        String bridgeId = open("call-4");

        Exchange exchange = template.request("media:bridge?operation=offer", e -> {
            e.getIn().setBody("refuse:NO_COMMON_CODEC");
            e.getIn().setHeader(MediaConstants.BRIDGE_ID, bridgeId);
            e.getIn().setHeader(MediaConstants.SIDE, "B");
            e.getIn().setHeader(MediaConstants.FROM_PROFILE, "RTP");
            e.getIn().setHeader(MediaConstants.TO_PROFILE, "WEBRTC");
        });

        assertThat(exchange.getException())
                .isInstanceOf(MediaRefusedException.class)
                .extracting(e -> ((MediaRefusedException) e).reason())
                .isEqualTo(MediaRefusedException.Reason.NO_COMMON_CODEC);
        assertThat(exchange.getMessage().getHeader(MediaConstants.REASON)).isEqualTo("NO_COMMON_CODEC");
    }

    @Test
    void anOfferOnAnUnknownBridgeIsRefusedUnknownBridge() {
        Exchange exchange = template.request("media:bridge?operation=answer", e -> {
            e.getIn().setBody("v=0");
            e.getIn().setHeader(MediaConstants.BRIDGE_ID, "nope");
            e.getIn().setHeader(MediaConstants.SIDE, "B");
            e.getIn().setHeader(MediaConstants.FROM_PROFILE, "RTP");
        });

        assertThat(exchange.getException()).isInstanceOf(MediaRefusedException.class);
        assertThat(exchange.getMessage().getHeader(MediaConstants.REASON)).isEqualTo("UNKNOWN_BRIDGE");
    }

    @Test
    void missingOrBadHeadersFailWithAMessageNamingTheHeader() {
        String bridgeId = open("call-5");

        assertThat(failure("media:bridge", Map.of(), "x")).hasMessageContaining("LiaisonMediaOperation");
        assertThat(failure("media:bridge?operation=open", Map.of(), "x")).hasMessageContaining("LiaisonMediaCallId");
        assertThat(failure("media:bridge", Map.of(MediaConstants.OPERATION, "dance"), "x"))
                .hasMessageContaining("dance");
        assertThat(failure(
                        "media:bridge?operation=offer",
                        Map.of(
                                MediaConstants.BRIDGE_ID, bridgeId,
                                MediaConstants.SIDE, "C",
                                MediaConstants.FROM_PROFILE, "RTP",
                                MediaConstants.TO_PROFILE, "RTP"),
                        "v=0"))
                .hasMessageContaining("LiaisonMediaSide");
        assertThat(failure(
                        "media:bridge?operation=offer",
                        Map.of(
                                MediaConstants.BRIDGE_ID,
                                bridgeId,
                                MediaConstants.SIDE,
                                "A",
                                MediaConstants.FROM_PROFILE,
                                "SIP"),
                        "v=0"))
                .hasMessageContaining("LiaisonMediaFromProfile");
        assertThat(failure(
                        "media:bridge?operation=answer",
                        Map.of(
                                MediaConstants.BRIDGE_ID,
                                bridgeId,
                                MediaConstants.SIDE,
                                "A",
                                MediaConstants.FROM_PROFILE,
                                "RTP"),
                        " "))
                .hasMessageContaining("SDP");
        assertThat(bridges.calls).containsExactly("open call-5");
    }

    @Test
    void aBridgeTheBrokerEndsReachesTheEventsRoute() throws Exception {
        MockEndpoint ended = camel.getEndpoint("mock:ended", MockEndpoint.class);
        ended.expectedMessageCount(1);
        ended.expectedHeaderReceived(MediaConstants.EVENT, MediaConstants.BRIDGE_ENDED);
        ended.expectedHeaderReceived(MediaConstants.BRIDGE_ID, "bridge-9");
        ended.expectedHeaderReceived(MediaConstants.CALL_ID, "call-9");
        ended.expectedHeaderReceived(MediaConstants.REASON, "consent-expired");

        events.bridgeEnded("bridge-9", "call-9", LegEndReason.CONSENT_EXPIRED);

        ended.assertIsSatisfied();
        assertThat(ended.getExchanges()
                        .get(0)
                        .getIn()
                        .getBody(BridgeEnded.class)
                        .reason())
                .isEqualTo(LegEndReason.CONSENT_EXPIRED);
    }

    @Test
    void aKeyABridgeDetectedReachesTheEventsRouteWithItsHeaders() throws Exception {
        MockEndpoint route = camel.getEndpoint("mock:ended", MockEndpoint.class);
        route.expectedMessageCount(1);
        route.expectedHeaderReceived(MediaConstants.EVENT, MediaConstants.DTMF_RECEIVED);
        route.expectedHeaderReceived(MediaConstants.BRIDGE_ID, "bridge-9");
        route.expectedHeaderReceived(MediaConstants.CALL_ID, "call-9");
        route.expectedHeaderReceived(MediaConstants.SIDE, BridgeSide.B);
        route.expectedHeaderReceived(MediaConstants.DTMF_DIGIT, "#");
        route.expectedHeaderReceived(MediaConstants.DTMF_DURATION, 120);
        route.expectedHeaderReceived(MediaConstants.DTMF_VOLUME, 10);

        events.dtmfReceived("bridge-9", "call-9", BridgeSide.B, new ReceivedDtmf('#', 120, 10, true));

        route.assertIsSatisfied();
        DtmfReceived body = route.getExchanges().get(0).getIn().getBody(DtmfReceived.class);
        assertThat(body.key().digit()).isEqualTo('#');
        assertThat(body.side()).isEqualTo(BridgeSide.B);
    }

    @Test
    void stoppingTheEventsRouteUnregistersItsConsumer() throws Exception {
        assertThat(events.listenerCount())
                .as("one for bridge.ended, one for dtmf.received")
                .isEqualTo(2);

        camel.getRouteController().stopRoute("ended");

        assertThat(events.listenerCount()).isZero();
    }

    @Test
    void dtmfSendsOneDigitTowardsASideWithItsDurationOrTheDefault() {
        String bridge = open("call-9");

        Exchange held = template.request("media:bridge?operation=dtmf", e -> e.getIn()
                .setHeaders(Map.of(
                        MediaConstants.BRIDGE_ID,
                        bridge,
                        MediaConstants.SIDE,
                        BridgeSide.B,
                        MediaConstants.DTMF_DIGIT,
                        "#",
                        MediaConstants.DTMF_DURATION,
                        250)));
        Exchange byDefault = template.request("media:bridge?operation=dtmf", e -> e.getIn()
                .setHeaders(Map.of(
                        MediaConstants.BRIDGE_ID, bridge,
                        MediaConstants.SIDE, "a",
                        MediaConstants.DTMF_DIGIT, "7",
                        MediaConstants.DTMF_DURATION, "80")));
        Exchange shortest = template.request("media:bridge?operation=dtmf", e -> e.getIn()
                .setHeaders(Map.of(
                        MediaConstants.BRIDGE_ID, bridge, MediaConstants.SIDE, "B", MediaConstants.DTMF_DIGIT, "D")));

        assertThat(held.getException()).isNull();
        assertThat(byDefault.getException()).isNull();
        assertThat(shortest.getException()).isNull();
        assertThat(bridges.calls)
                .containsSubsequence(
                        "dtmf " + bridge + " B # 250", "dtmf " + bridge + " A 7 80", "dtmf " + bridge + " B D 100");
    }

    @Test
    void aDtmfRefusalCarriesItsReasonAndBadDigitsOrDurationsNameTheHeader() {
        String bridge = open("call-10");
        Exchange refused = template.request("media:bridge?operation=dtmf", e -> e.getIn()
                .setHeaders(Map.of(
                        MediaConstants.BRIDGE_ID,
                        bridge,
                        MediaConstants.SIDE,
                        "B",
                        MediaConstants.DTMF_DIGIT,
                        "0",
                        MediaConstants.DTMF_DURATION,
                        4040)));
        assertThat(refused.getException()).isInstanceOf(MediaRefusedException.class);
        assertThat(refused.getMessage().getHeader(MediaConstants.REASON)).isEqualTo("NO_TELEPHONE_EVENT");

        Map<String, Object> base = Map.of(MediaConstants.BRIDGE_ID, bridge, MediaConstants.SIDE, "B");
        assertThat(failure("media:bridge?operation=dtmf", base, null)).hasMessageContaining("LiaisonMediaDtmfDigit");
        assertThat(failure("media:bridge?operation=dtmf", with(base, MediaConstants.DTMF_DIGIT, "12"), null))
                .hasMessageContaining("0-9, *, #, A-D");
        assertThat(failure("media:bridge?operation=dtmf", with(base, MediaConstants.DTMF_DIGIT, "x"), null))
                .hasMessageContaining("0-9, *, #, A-D");
        Map<String, Object> digit = with(base, MediaConstants.DTMF_DIGIT, "1");
        assertThat(failure("media:bridge?operation=dtmf", with(digit, MediaConstants.DTMF_DURATION, 39), null))
                .hasMessageContaining("LiaisonMediaDtmfDuration");
        assertThat(failure("media:bridge?operation=dtmf", with(digit, MediaConstants.DTMF_DURATION, "long"), null))
                .hasMessageContaining("40 to 5000");
        assertThat(bridges.calls).noneMatch(c -> c.startsWith("dtmf "));
    }

    @Test
    void statisticsPutBothLegsCountersInTheBody() {
        String bridge = open("call-11");

        BridgeStatistics stats = template.requestBodyAndHeaders(
                "media:bridge",
                null,
                Map.of(MediaConstants.OPERATION, "statistics", MediaConstants.BRIDGE_ID, bridge),
                BridgeStatistics.class);

        assertThat(stats.bridgeId()).isEqualTo(bridge);
        assertThat(stats.callId()).isEqualTo("call-11");
        assertThat(stats.a().packetsReceived()).isEqualTo(10);
        assertThat(stats.side(BridgeSide.B).packetsReceived()).isEqualTo(20);
        Exchange unknown = template.request(
                "media:bridge?operation=statistics", e -> e.getIn().setHeader(MediaConstants.BRIDGE_ID, "bridge-404"));
        assertThat(unknown.getMessage().getHeader(MediaConstants.REASON)).isEqualTo("UNKNOWN_BRIDGE");
    }

    private static Map<String, Object> with(Map<String, Object> base, String header, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(base);
        copy.put(header, value);
        return copy;
    }

    @Test
    void bridgeIsProduceOnlyAndEventsIsConsumeOnly() {
        assertThatThrownBy(() -> template.sendBody("media:events", "x"))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasStackTraceContaining("send to media:bridge");
        assertThatThrownBy(() -> camel.getEndpoint("media:bridge").createConsumer(exchange -> {}))
                .hasMessageContaining("consume media:events");
        assertThatThrownBy(() -> camel.getEndpoint("media:speakers"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("expected bridge or events");
        assertThatThrownBy(() -> camel.getEndpoint("media:bridge?operation=dance"))
                .isInstanceOf(ResolveEndpointFailedException.class);
    }

    private String open(String callId) {
        return template.requestBodyAndHeaders(
                "media:bridge?operation=open", null, Map.of(MediaConstants.CALL_ID, callId), String.class);
    }

    private Exception failure(String uri, Map<String, Object> headers, String body) {
        Exchange exchange = template.request(uri, e -> {
            e.getIn().setHeaders(new java.util.HashMap<>(headers));
            e.getIn().setBody(body);
        });
        assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class);
        return exchange.getException();
    }
}
