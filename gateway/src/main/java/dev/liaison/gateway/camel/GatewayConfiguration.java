package dev.liaison.gateway.camel;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/** The options of one {@code gateway:} endpoint. Each endpoint has its own copy. */
@UriParams
public class GatewayConfiguration implements Cloneable {

    /** What the endpoint is about; {@code calls} is the only channel so far. */
    @UriPath
    @Metadata(required = true)
    private String channel;

    /**
     * Consumer: the event types to receive, comma-separated (for example {@code call.incoming}); empty means all. Only
     * one route should consume {@code call.incoming}: it decides where each call goes.
     */
    @UriParam(label = "consumer")
    private String events;

    /**
     * Producer: the command to carry out when the {@code LiaisonGatewayCommand} header is absent: connect, ring,
     * reject, hangup, originate, transfer or refuse-transfer.
     */
    @UriParam(label = "producer")
    private String command;

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getEvents() {
        return events;
    }

    public void setEvents(String events) {
        this.events = events;
    }

    public String getCommand() {
        return command;
    }

    public void setCommand(String command) {
        this.command = command;
    }

    /** The event types this consumer receives; empty means all. */
    Set<String> eventFilter() {
        if (events == null || events.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(events.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public GatewayConfiguration copy() {
        try {
            return (GatewayConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
