package dev.liaison.gateway.client.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.CallRequest;
import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.LegKind;
import dev.liaison.gateway.call.LegListener;
import dev.liaison.gateway.call.MediaMode;
import dev.liaison.gateway.client.protocol.ProtocolCodec;
import dev.liaison.gateway.client.protocol.ProtocolSchemas;
import dev.liaison.gateway.client.protocol.ServerMessage;
import dev.liaison.gateway.client.token.ClientToken;
import dev.liaison.gateway.media.LegMediaStatistics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The broker's counters reach the browser of an answered client leg as a {@code quality} message with
 * {@code source: "broker"} (its own leg as {@code self}, the other party's as {@code peer}), valid against the
 * published schema; nothing before the answer.
 */
class BrokerQualityReachesTheBrowserTest {

    private final ManualTimeouts timeouts = new ManualTimeouts();
    private final ClientSessionRegistry registry =
            new ClientSessionRegistry(Duration.ofSeconds(30), 2, 4, timeouts, new SessionEvents(List.of()));
    private final ClientLegProvider provider = new ClientLegProvider(registry);
    private final RecordingSink sink = new RecordingSink();

    @AfterEach
    void nothingLeaked() {
        registry.closeAll();
        assertThat(registry.sessionCount()).isZero();
        assertThat(registry.legCount()).isZero();
        assertThat(timeouts.pending()).isZero();
    }

    @Test
    void anAnsweredLegTellsItsBrowserWhatTheBrokerCounted() {
        registry.start(token(), Optional.empty(), sink, Optional.empty());
        ClientLeg leg = (ClientLeg) provider.createOutbound(
                        "client:agent-7",
                        "call-1",
                        new CallRequest("agent", Optional.of("offer"), MediaMode.AUDIO, Optional.empty(), Map.of()))
                .orElseThrow();
        leg.setListener(new LegListener() {
            @Override
            public void onRinging(CallLeg l, Optional<String> earlySdp) {}

            @Override
            public void onAnswered(CallLeg l, String sdp) {}

            @Override
            public void onEnded(CallLeg l, EndReason reason) {}

            @Override
            public void onMediaOffer(CallLeg l, String sdpOffer) {}

            @Override
            public void onMediaAnswer(CallLeg l, String sdpAnswer) {}
        });
        LegMediaStatistics own = new LegMediaStatistics(250, 40_000, 249, 39_840, 3, 4.25, 38);
        LegMediaStatistics peer = new LegMediaStatistics(240, 38_400, 250, 40_000, -1, -1, -1);

        leg.start(Optional.of("offer"));
        leg.reportMediaQuality(own, LegKind.SIP, peer);
        assertThat(sink.of(ServerMessage.Quality.class))
                .as("not before the answer")
                .isEmpty();
        leg.clientAnswer("answer");
        leg.reportMediaQuality(own, LegKind.SIP, peer);

        ServerMessage.Quality quality = sink.of(ServerMessage.Quality.class).get(0);
        assertThat(quality.callId()).isEqualTo(leg.id());
        assertThat(quality.source()).isEqualTo("broker");
        assertThat(quality.legs())
                .containsExactly(
                        new ServerMessage.LegQuality("self", "client", 250, 40_000, 249, 39_840, 3, 4.25, 38),
                        new ServerMessage.LegQuality("peer", "sip", 240, 38_400, 250, 40_000, -1, -1, -1));
        ObjectNode wire = new ProtocolCodec(new ProtocolSchemas()).toTree(quality, Optional.empty());
        new ProtocolSchemas().validateServerMessage("quality", wire);
        assertThat(wire.at("/legs/0/rttMs").asDouble()).isEqualTo(38);

        leg.hangUp(EndReason.NORMAL);
        leg.reportMediaQuality(own, LegKind.SIP, peer);
        assertThat(sink.of(ServerMessage.Quality.class)).as("not after the end").hasSize(1);
    }

    private static ClientToken token() {
        return new ClientToken("t-1", "agent-7", "acme", Set.of(), Set.of(), Instant.parse("2030-01-01T00:00:00Z"));
    }
}
