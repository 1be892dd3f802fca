package dev.liaison.gateway.sipws;

import dev.liaison.gateway.client.it.AnsweringCallRequests;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** A minimal web application with {@code /ws/sip} only and a call layer that answers every call at once. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SipWsConfiguration.class)
public class SipWsTestApplication {

    @Bean
    AnsweringCallRequests answeringCallRequests() {
        return new AnsweringCallRequests();
    }
}
