package dev.liaison.cti.ucce.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.liaison.cti.api.event.CtiEvent;
import dev.liaison.cti.ucce.link.LinkMetrics;
import dev.liaison.cti.ucce.link.LinkState;
import dev.liaison.cti.ucce.session.UcceSession;
import dev.liaison.cti.ucce.simulator.CtiServerSimulator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;

/**
 * A plain Camel context with the {@code ucce:} component, a route collecting every event of the link into
 * {@link #events}, a producer template, and simulators as sides A and B. Each test ends by stopping the context and
 * asserting that nothing leaked: no tracked call, no link thread, the simulator's session closed.
 */
abstract class UcceTestSupport {

    protected final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    protected final List<CtiEvent> events = new CopyOnWriteArrayList<>();
    protected CamelContext context;
    protected ProducerTemplate producer;
    protected String uri;

    protected static final long PERIPHERAL = 5000;

    /** Starts the context with a consumer route on {@code ucce:<link>?<options>}. */
    protected void startCamel(String link, String options) throws Exception {
        uri = "ucce:" + link + "?" + options;
        context = new DefaultCamelContext();
        context.getRegistry().bind("meterRegistry", meters);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri)
                        .routeId("cti-events-" + link)
                        .process(e -> events.add(e.getIn().getBody(CtiEvent.class)));
            }
        });
        context.start();
        producer = context.createProducerTemplate();
    }

    protected static String fastTimers() {
        return "peripheralId=" + PERIPHERAL + "&heartbeatInterval=200&heartbeatTimeout=400&requestTimeout=1000"
                + "&connectTimeout=500&openTimeout=1000&reconnectInitialDelay=50&reconnectMaxDelay=400";
    }

    protected UcceEndpoint endpoint() {
        return context.getEndpoint(uri, UcceEndpoint.class);
    }

    protected UcceSession session() {
        return endpoint().getSession();
    }

    protected LinkMetrics metrics() {
        return session().link().metrics();
    }

    protected void awaitOpen() {
        await().atMost(Duration.ofSeconds(10)).until(() -> session().link().state() == LinkState.OPEN);
    }

    protected <T extends CtiEvent> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    protected List<String> eventTypes() {
        return events.stream().map(CtiEvent::type).toList();
    }

    /** Stops Camel and checks that the link released everything. */
    protected void stopAndAssertNoLeak(String link, CtiServerSimulator... simulators) throws Exception {
        UcceSession session = session();
        int tracked = session.trackedCalls();
        int correlated = session.correlatedCalls();
        context.stop();
        context = null;
        assertThat(tracked).as("tracked calls left").isZero();
        assertThat(correlated).as("correlated calls left").isZero();
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                        .noneMatch(t -> t.getName().startsWith("ucce-" + link + "-")));
        for (CtiServerSimulator sim : simulators) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !sim.sessionOpen());
        }
    }

    @AfterEach
    void stopCamel() throws Exception {
        if (context != null) {
            context.stop();
        }
    }
}
