package dev.liaison.routes.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liaison.gateway.call.LegKind;
import dev.liaison.gateway.media.BridgeSide;
import dev.liaison.gateway.media.LegMediaStatistics;
import dev.liaison.gateway.media.MediaBridge;
import dev.liaison.gateway.media.MediaException;
import dev.liaison.gateway.media.MediaPort;
import dev.liaison.gateway.media.MediaStatistics;
import dev.liaison.media.bridge.MediaBridges;
import dev.liaison.media.camel.MediaEvents;
import dev.liaison.media.config.BrokerAssembly;
import dev.liaison.media.config.BrokerResources;
import dev.liaison.media.config.LegFactories;
import dev.liaison.media.config.MediaBroker;
import dev.liaison.media.leg.LegEndReason;
import dev.liaison.media.leg.LegFactory;
import dev.liaison.palettes.security.UserService;
import dev.liaison.routes.support.ApiUsers;
import dev.liaison.routes.support.LiaisonIntegrationTest;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.autoconfigure.metrics.MeterRegistryCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * The whole application with the media broker on (the default) and fake bridges in place of the real ones: the
 * gateway's media port is the one over {@code media:bridge} (through the {@code media-port} route), a refusal reaches
 * the gateway as MediaException, DTMF and statistics go the same way, and the Prometheus registry takes every Camel
 * exchange meter of those operations (no "same set of tag keys" refusal, the warning the application used to log).
 */
@LiaisonIntegrationTest
class MediaPortThroughCamelIT {

    /** Every meter the registries refused since the application started, with the reason. */
    static final List<String> REGISTRATION_FAILURES = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class FakeBridges {
        /** Applied to the application's registries before any meter is registered. */
        @Bean
        MeterRegistryCustomizer<MeterRegistry> recordRegistrationFailures() {
            return registry -> registry.config()
                    .onMeterRegistrationFailed((id, reason) -> REGISTRATION_FAILURES.add(id.getName() + ": " + reason));
        }

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
    UserService userService;

    @Autowired
    MediaBridges mediaBridges;

    @Autowired
    MediaBroker broker;

    @Autowired
    CamelContext camel;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MediaEvents mediaEvents;

    @LocalServerPort
    int httpPort;

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

    @Test
    void dtmfAndStatisticsGoThroughTheMediaComponent() {
        MediaBridge bridge = mediaPort.openBridge("it-call-3");
        try {
            bridge.sendDtmf(BridgeSide.B, '5', 120);
            assertThatThrownBy(() -> bridge.sendDtmf(BridgeSide.B, '0', 100))
                    .isInstanceOf(MediaException.class)
                    .hasMessageContaining("NO_TELEPHONE_EVENT");
            MediaStatistics stats = bridge.statistics().orElseThrow();

            assertThat(bridges.operations).contains("dtmf B 5 120", "statistics");
            assertThat(stats.side(BridgeSide.A)).isEqualTo(new LegMediaStatistics(50, 8000, 40, 6400, 1, 3.25, 42));
            assertThat(stats.side(BridgeSide.B)).isEqualTo(new LegMediaStatistics(40, 6400, 50, 8000, -1, -1, -1));
        } finally {
            bridge.close();
        }
        assertThatThrownBy(bridge::statistics)
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("UNKNOWN_BRIDGE");
    }

    @Test
    void everyMediaExchangeIsMeteredUnderItsRouteAndThePrometheusRegistryTakesIt() throws Exception {
        // An exchange a route's consumer made (media:events), metered with its routeId: every meter of the same name
        // must carry the same tag keys from then on, or Prometheus refuses it (the warning this test keeps away).
        mediaEvents.bridgeEnded("bridge-gone", "no-such-call", LegEndReason.INACTIVITY);
        MediaBridge bridge = mediaPort.openBridge("it-call-4");
        bridge.offer(BridgeSide.A, LegKind.CLIENT, LegKind.SIP, "offer-A");
        bridge.answer(BridgeSide.B, LegKind.SIP, "answer-B");
        bridge.sendDtmf(BridgeSide.B, '1', 100);
        bridge.statistics();
        bridge.close();

        assertThat(REGISTRATION_FAILURES)
                .as("meters a registry refused (Prometheus: tag keys differing between meters of one name)")
                .isEmpty();
        Collection<Meter> exchangeMeters =
                meters.find("camel.exchange.event.notifier").meters();
        assertThat(exchangeMeters)
                .as("Camel's exchange-event meters")
                .anySatisfy(m -> assertThat(m.getId().getTag("endpointName")).isEqualTo("media://bridge"));
        Set<Set<String>> tagKeySets = exchangeMeters.stream()
                .map(m -> m.getId().getTags().stream().map(Tag::getKey).collect(Collectors.toSet()))
                .collect(Collectors.toSet());
        assertThat(tagKeySets)
                .as("one set of tag keys for every exchange-event meter")
                .hasSize(1);

        HttpResponse<String> scrape = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/prometheus"))
                                .header(
                                        "Authorization",
                                        new ApiUsers(userService).metrics().basic())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body().lines().filter(l -> l.startsWith("camel_exchange_event_notifier")))
                .as("the media exchanges in the scrape, under the media-port route")
                .anySatisfy(l -> assertThat(l).contains("media://bridge").contains("media-port"));
    }
}
