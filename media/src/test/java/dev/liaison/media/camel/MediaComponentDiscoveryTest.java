package dev.liaison.media.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** Camel finds {@code media:} by its scheme (META-INF/services) and autowires the bridges from the registry. */
class MediaComponentDiscoveryTest {

    @Test
    void theSchemeResolvesToTheComponentWithTheRegistryBridges() throws Exception {
        FakeMediaBridges bridges = new FakeMediaBridges();
        MediaEvents events = new MediaEvents();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("bridges", bridges);
            camel.getRegistry().bind("mediaEvents", events);
            camel.start();

            String bridgeId = camel.createFluentProducerTemplate()
                    .to("media:bridge?operation=open")
                    .withHeaders(Map.of(MediaConstants.CALL_ID, "call-1"))
                    .request(String.class);

            assertThat(camel.getComponent("media")).isInstanceOf(MediaComponent.class);
            assertThat(((MediaComponent) camel.getComponent("media")).getEvents())
                    .isSameAs(events);
            assertThat(bridgeId).isEqualTo("bridge-1");
            assertThat(bridges.calls).containsExactly("open call-1");
        }
    }
}
