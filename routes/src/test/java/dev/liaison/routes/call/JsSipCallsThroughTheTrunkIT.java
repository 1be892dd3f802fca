package dev.liaison.routes.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.gateway.call.B2bua;
import dev.liaison.gateway.call.PassThroughMediaPort;
import dev.liaison.gateway.sip.SipStackHost;
import dev.liaison.gateway.sip.Sipp;
import dev.liaison.gateway.sipws.SipWsHandler;
import dev.liaison.routes.support.LiaisonIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The acceptance test of SIP over WebSocket: an unmodified JsSIP in headless Chromium registers on {@code /ws/sip}
 * (digest authentication), calls the destination {@code pbx}, which the dial plan routes through the SIP trunk to
 * SIPp; the call is confirmed, then JsSIP hangs up. The media broker is a pass-through double, and SIPp answers with
 * an SDP Chromium accepts. The other way, SIPp calls {@code agent} on the trunk, which the dial plan sends to
 * {@code ws-sip:alice}: JsSIP answers and SIPp hangs up. Each flow ends with no call, leg, binding or connection
 * left.
 */
@LiaisonIntegrationTest
@Import(JsSipCallsThroughTheTrunkIT.PassThroughMedia.class)
class JsSipCallsThroughTheTrunkIT {

    private static final int PBX_PORT = freePort();
    private static final String REALM = "liaison.test";

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        registry.add("liaison.dial-plan.destinations.pbx", () -> "sip:service@127.0.0.1:" + PBX_PORT);
        registry.add("liaison.gateway.calls.allowed-sip-targets", () -> "sip:service@127\\.0\\.0\\.1:\\d+");
        registry.add("liaison.sip.trunk-peers", () -> "127.0.0.1");
        registry.add("liaison.dial-plan.destinations.agent", () -> "ws-sip:alice");
        registry.add("liaison.sip.ws.realm", () -> REALM);
        registry.add("liaison.sip.ws.users[0].username", () -> "alice");
        registry.add("liaison.sip.ws.users[0].ha1", () -> md5("alice:" + REALM + ":secret"));
    }

    @TestConfiguration
    static class PassThroughMedia {
        @Bean
        PassThroughMediaPort mediaPort() {
            return new PassThroughMediaPort();
        }
    }

    @LocalServerPort
    int httpPort;

    @Autowired
    B2bua b2bua;

    @Autowired
    SipStackHost sip;

    @Autowired
    SipWsHandler sipWs;

    @Test
    void jssipRegistersCallsThePbxThroughTheTrunkAndHangsUp() throws Exception {
        try (Sipp pbx = Sipp.uas("uas-webrtc-answer-await-bye.xml", PBX_PORT);
                JsSipBrowser browser = JsSipBrowser.open(Map.of(
                        "ws", "ws://127.0.0.1:" + httpPort + "/ws/sip",
                        "user", "alice",
                        "password", "secret",
                        "realm", REALM,
                        "target", "pbx"))) {
            assertThat(browser.nextEvent()).isEqualTo("registered");
            assertThat(browser.nextEvent()).isEqualTo("confirmed");
            assertThat(browser.nextEvent()).startsWith("ended");
            pbx.assertScenarioCompleted();
        }
    }

    @Test
    void sippCallsTheRegisteredJssipUserThroughTheTrunkAndHangsUp() throws Exception {
        try (JsSipBrowser browser = JsSipBrowser.open(Map.of(
                "ws", "ws://127.0.0.1:" + httpPort + "/ws/sip",
                "user", "alice",
                "password", "secret",
                "realm", REALM,
                "mode", "answer"))) {
            assertThat(browser.nextEvent()).isEqualTo("registered");
            try (Sipp caller = Sipp.uac("uac-webrtc-call-hang-up.xml", sip.udpPort(), "agent")) {
                assertThat(browser.nextEvent()).startsWith("incoming");
                assertThat(browser.nextEvent()).isEqualTo("confirmed");
                assertThat(browser.nextEvent()).startsWith("ended");
                caller.assertScenarioCompleted();
            }
        }
    }

    @AfterEach
    void nothingLeaked() {
        await("no call, leg, dialog, binding or /ws/sip connection left")
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> {
                    assertThat(b2bua.activeCallIds()).as("calls").isEmpty();
                    assertThat(sip.legs().all()).as("SIP legs").isEmpty();
                    assertThat(sipWs.legCount()).as("/ws/sip legs").isZero();
                    assertThat(sipWs.bindingCount()).as("bindings").isZero();
                    assertThat(sipWs.connectionCount())
                            .as("/ws/sip connections")
                            .isZero();
                });
    }

    private static String md5(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return String.format("%032x", new BigInteger(1, digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try {
            return Sipp.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
