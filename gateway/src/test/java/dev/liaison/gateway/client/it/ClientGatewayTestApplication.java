package dev.liaison.gateway.client.it;

import dev.liaison.gateway.client.ClientGatewayConfiguration;
import dev.liaison.gateway.client.ClientWebSocketConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A minimal web application with the client protocol only, for the integration tests: the gateway's client
 * configuration, an embedded Tomcat on a random port, and a test double of the call layer.
 */
@SpringBootApplication
@Import({ClientGatewayConfiguration.class, ClientWebSocketConfiguration.class})
public class ClientGatewayTestApplication {

    @Bean
    AnsweringCallRequests answeringCallRequests() {
        return new AnsweringCallRequests();
    }

    @Bean
    RecordingSessionListener recordingSessionListener() {
        return new RecordingSessionListener();
    }
}
