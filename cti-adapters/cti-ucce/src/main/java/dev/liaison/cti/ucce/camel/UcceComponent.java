package dev.liaison.cti.ucce.camel;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code ucce:} Camel component: a Cisco UCCE CTI Server (GED-188) client. {@code from("ucce:cc1?sideA=...")}
 * consumes normalized {@code cti-api} events; {@code to("ucce:cc1?...")} executes {@code CtiOperation}s. Consumer and
 * producer of the same endpoint URI share one link. docs/cti-ucce-component.md describes options, headers and events.
 */
public class UcceComponent extends DefaultComponent {

    /** Where the link meters go; autowired from the registry, else a private SimpleMeterRegistry. */
    @Metadata(autowired = true)
    private MeterRegistry meterRegistry;

    /** Options every endpoint starts from; each endpoint gets its own copy. */
    @Metadata
    private UcceConfiguration configuration = new UcceConfiguration();

    private Clock clock = Clock.systemUTC();
    private ScheduledExecutorService scheduler;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("ucce: needs a link name, e.g. ucce:cc1?sideA=host:42027");
        }
        UcceConfiguration config = configuration.copy();
        config.setLink(remaining);
        UcceEndpoint endpoint = new UcceEndpoint(uri, this, config);
        setProperties(endpoint, config, parameters);
        endpoint.validate();
        return endpoint;
    }

    private void setProperties(UcceEndpoint endpoint, UcceConfiguration config, Map<String, Object> parameters)
            throws Exception {
        setProperties(getCamelContext(), config, parameters);
        setProperties(endpoint, parameters);
    }

    synchronized MeterRegistry meterRegistry() {
        if (meterRegistry == null) {
            meterRegistry = getCamelContext().getRegistry().findSingleByType(MeterRegistry.class);
        }
        if (meterRegistry == null) {
            meterRegistry = new SimpleMeterRegistry();
        }
        return meterRegistry;
    }

    synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler =
                    getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "ucce-timers");
        }
        return scheduler;
    }

    @Override
    protected void doStop() throws Exception {
        if (scheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdown(scheduler);
            scheduler = null;
        }
        super.doStop();
    }

    public MeterRegistry getMeterRegistry() {
        return meterRegistry;
    }

    public void setMeterRegistry(MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
    }

    public UcceConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(UcceConfiguration configuration) {
        this.configuration = configuration;
    }

    Clock clock() {
        return clock;
    }

    /** The clock events are stamped with (tests pin it). */
    public void setClock(Clock clock) {
        this.clock = clock;
    }
}
