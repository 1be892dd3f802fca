package dev.liaison.cti.ucce.camel;

import dev.liaison.cti.ucce.link.LinkMetrics;
import dev.liaison.cti.ucce.link.UcceLink;
import dev.liaison.cti.ucce.session.UcceSession;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

/**
 * One CTI Server link. The link starts when the first consumer or producer of this endpoint starts and stops with the
 * last one; its health check is registered in the context's {@link HealthCheckRegistry} when there is one.
 */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "ucce",
        title = "Liaison Cisco UCCE CTI Server",
        syntax = "ucce:link",
        category = {Category.NETWORKING},
        headersClass = UcceConstants.class)
public class UcceEndpoint extends DefaultEndpoint {

    @UriParam
    private final UcceConfiguration configuration;

    private LinkMetrics metrics;
    private UcceSession session;
    private UcceLink link;
    private UcceHealthCheck healthCheck;
    private int users;

    UcceEndpoint(String uri, UcceComponent component, UcceConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public UcceComponent getComponent() {
        return (UcceComponent) super.getComponent();
    }

    void validate() {
        LinkFactory.linkSettings(configuration);
        LinkFactory.sessionSettings(configuration, getComponent().clock());
    }

    @Override
    public Producer createProducer() {
        return new UcceProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        UcceConsumer consumer = new UcceConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** Starts the link for one more user (consumer or producer); returns the session. */
    synchronized UcceSession acquire() {
        if (users++ == 0) {
            if (metrics == null) {
                // once per endpoint: the connected gauge must keep pointing at the value this endpoint updates
                metrics = new LinkMetrics(getComponent().meterRegistry(), configuration.getLink());
            }
            session = new UcceSession(
                    LinkFactory.sessionSettings(configuration, getComponent().clock()), metrics);
            link = new UcceLink(
                    LinkFactory.linkSettings(configuration),
                    session,
                    metrics,
                    getComponent().scheduler());
            session.attach(link);
            healthCheck = new UcceHealthCheck(this);
            HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
            if (registry != null) {
                registry.register(healthCheck);
            }
            link.start();
        }
        return session;
    }

    synchronized void release() {
        if (users > 0 && --users == 0) {
            HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
            if (registry != null) {
                registry.unregister(healthCheck);
            }
            link.stop();
        }
    }

    /** The running session, or null while no consumer or producer uses the endpoint. */
    public synchronized UcceSession getSession() {
        return users > 0 ? session : null;
    }

    /** The link's health check (exists once the link started). */
    public synchronized UcceHealthCheck getHealthCheck() {
        return healthCheck;
    }

    public UcceConfiguration getConfiguration() {
        return configuration;
    }
}
