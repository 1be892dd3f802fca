package dev.liaison.cti.ucce.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

class UcceComponentDiscoveryTest {

    @Test
    void theSchemeFindsTheComponentAndOptionsBindToTheEndpointsOwnConfiguration() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            assertThat(context.getComponent("ucce")).isInstanceOf(UcceComponent.class);
            UcceEndpoint a = context.getEndpoint(
                    "ucce:a?sideA=h:1&peripheralId=5000&heartbeatInterval=1000", UcceEndpoint.class);
            UcceEndpoint b = context.getEndpoint("ucce:b?sideA=h:2", UcceEndpoint.class);
            assertThat(a.getConfiguration().getPeripheralId()).isEqualTo(5000);
            assertThat(a.getConfiguration().getHeartbeatInterval()).isEqualTo(1000);
            assertThat(b.getConfiguration().getHeartbeatInterval())
                    .as("own copy")
                    .isEqualTo(5000);
            assertThat(b.getConfiguration().getLink()).isEqualTo("b");
            assertThat(a.getSession())
                    .as("no link before a consumer or producer starts")
                    .isNull();
        }
    }

    @Test
    void aBadOptionFailsEndpointCreation() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            assertThatThrownBy(() -> context.getEndpoint("ucce:a?sideA=nohost")).hasStackTraceContaining("host:port");
            assertThatThrownBy(() -> context.getEndpoint("ucce:a")).hasStackTraceContaining("sideA is required");
            assertThatThrownBy(() -> context.getEndpoint("ucce:a?sideA=h:1&unknownOption=1"))
                    .hasStackTraceContaining("unknownOption");
        }
    }
}
