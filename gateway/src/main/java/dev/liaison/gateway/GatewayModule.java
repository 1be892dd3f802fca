package dev.liaison.gateway;

import dev.liaison.gateway.call.CallConfiguration;
import dev.liaison.gateway.camel.GatewayCamelConfiguration;
import dev.liaison.gateway.client.ClientGatewayConfiguration;
import dev.liaison.gateway.client.ClientWebSocketConfiguration;
import dev.liaison.gateway.sip.SipConfiguration;
import dev.liaison.gateway.sipws.SipWsConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Everything the gateway contributes to an application, in one import: the back-to-back user agent, the
 * {@code gateway:} Camel component, the client protocol on {@code /ws/client}, the SIP trunk and SIP over WebSocket on {@code /ws/sip}. The application
 * imports this class rather than scanning the gateway's packages, so that nothing but these configurations (no test
 * fixture from the module's test jar, for instance) can end up in its context.
 */
@Configuration(proxyBeanMethods = false)
@Import({
    CallConfiguration.class,
    GatewayCamelConfiguration.class,
    ClientGatewayConfiguration.class,
    ClientWebSocketConfiguration.class,
    SipConfiguration.class,
    SipWsConfiguration.class
})
public class GatewayModule {}
