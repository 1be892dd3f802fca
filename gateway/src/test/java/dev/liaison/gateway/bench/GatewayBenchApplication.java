package dev.liaison.gateway.bench;

import dev.liaison.gateway.call.B2bua;
import dev.liaison.gateway.call.CallConfiguration;
import dev.liaison.gateway.call.PassThroughMediaPort;
import dev.liaison.gateway.client.ClientGatewayConfiguration;
import dev.liaison.gateway.client.ClientWebSocketConfiguration;
import dev.liaison.gateway.sip.SipConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The gateway alone, as the server of the benchmarks ({@code scripts/bench-gateway-sessions},
 * {@code scripts/bench-call-setup}): the client protocol on {@code /ws/client}, the SIP trunk, the back-to-back user
 * agent with a pass-through media port (the media broker does not exist yet), {@link BenchRouting} as the routes, and
 * {@code GET /bench/stats}. Not a test; configured on the command line ({@code --liaison.sip.port=...}).
 */
@SpringBootApplication
@Import({
    CallConfiguration.class,
    ClientGatewayConfiguration.class,
    ClientWebSocketConfiguration.class,
    SipConfiguration.class
})
public class GatewayBenchApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayBenchApplication.class, args);
    }

    @Bean
    PassThroughMediaPort passThroughMediaPort() {
        return new PassThroughMediaPort();
    }

    @Bean
    BenchRouting benchRouting(B2bua b2bua, @Value("${bench.sip-target:}") String target) {
        return new BenchRouting(b2bua, target);
    }
}
