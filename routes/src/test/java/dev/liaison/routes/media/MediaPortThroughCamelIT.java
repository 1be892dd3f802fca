package dev.liaison.routes.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.gateway.call.LegKind;
import dev.liaison.gateway.media.BridgeSide;
import dev.liaison.gateway.media.MediaBridge;
import dev.liaison.gateway.media.MediaException;
import dev.liaison.gateway.media.MediaPort;
import dev.liaison.media.bridge.MediaBridges;
import dev.liaison.media.config.BrokerAssembly;
import dev.liaison.media.config.BrokerResources;
import dev.liaison.media.config.LegFactories;
import dev.liaison.media.config.MediaBroker;
import dev.liaison.media.leg.LegFactory;
import dev.liaison.routes.support.LiaisonIntegrationTest;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The whole application with the media broker on (the default) and fake bridges in place of the real ones: the
 * gateway's media port is the one over {@code media:bridge}, and a refusal reaches the gateway as MediaException.
 */
@LiaisonIntegrationTest
class MediaPortThroughCamelIT {

    @TestConfiguration
    static class FakeBridges {
        /** Becomes the application's MediaBridges bean. */
        @Bean
        BrokerAssembly fakeBrokerAssembly() {
            RecordingMediaBridges bridges = new RecordingMediaBridges();
            return new BrokerAssembly() {
                @Override
                public LegFactory legs(BrokerResources resources) {
                    return LegFactories.unavailable("fake bridges open no legs");
                }

                @Override
                public MediaBridges bridges(LegFactory legs, BrokerResources resources) {
                    return bridges;
                }
            };
        }
    }

    @Autowired
    MediaPort mediaPort;

    @Autowired
    MediaBridges mediaBridges;

    @Autowired
    MediaBroker broker;

    @Autowired
    CamelContext camel;

    RecordingMediaBridges bridges;

    @BeforeEach
    void fake() {
        bridges = (RecordingMediaBridges) mediaBridges;
    }

    @Test
    void theGatewaysMediaPortGoesThroughTheMediaComponent() {
        assertThat(mediaPort).isInstanceOf(CamelMediaPort.class);
        int before = bridges.operations.size();

        MediaBridge bridge = mediaPort.openBridge("it-call-1");
        String offer = bridge.offer(BridgeSide.A, LegKind.CLIENT, LegKind.SIP, "offer-A");
        String answer = bridge.answer(BridgeSide.B, LegKind.SIP, "answer-B");
        String reOffer = bridge.offer(BridgeSide.A, LegKind.ORIGIN, LegKind.SIP_WS, "held");
        bridge.close();
        bridge.close();

        assertThat(offer).isEqualTo("broker(A:WEBRTC->RTP):offer-A");
        assertThat(answer).isEqualTo("broker(B:RTP):answer-B");
        assertThat(reOffer).isEqualTo("broker(A:RTP->WEBRTC):held");
        assertThat(bridges.operations.subList(before, bridges.operations.size()))
                .containsExactly(
                        "open it-call-1",
                        "offer A WEBRTC->RTP",
                        "answer B RTP",
                        "offer A RTP->WEBRTC",
                        "close bridge-"
                                + bridges.operations.stream()
                                        .filter(o -> o.startsWith("open "))
                                        .count());
        assertThat(bridges.openCount()).isZero();
    }

    @Test
    void aRefusalReachesTheGatewayAsMediaException() {
        MediaBridge bridge = mediaPort.openBridge("it-call-2");
        try {
            assertThatThrownBy(() -> bridge.offer(BridgeSide.A, LegKind.SIP, LegKind.CLIENT, "refuse:NO_COMMON_CODEC"))
                    .isInstanceOf(MediaException.class)
                    .hasMessageContaining("NO_COMMON_CODEC");
        } finally {
            bridge.close();
        }
        assertThat(bridges.openCount()).isZero();
    }

    @Test
    void theBrokerRunsOnAnEphemeralLoopbackPortWithTheEndedRouteStarted() {
        assertThat(broker.isRunning()).isTrue();
        assertThat(broker.resources().mux().localAddress().getPort())
                .isPositive()
                .isNotEqualTo(16000);
        assertThat(broker.resources().addresses().candidates())
                .extracting(c -> c.address())
                .containsExactly("127.0.0.1");
        assertThat(camel.getRouteController()
                        .getRouteStatus(MediaEndedRoutes.ROUTE_ID)
                        .isStarted())
                .isTrue();
    }
}
