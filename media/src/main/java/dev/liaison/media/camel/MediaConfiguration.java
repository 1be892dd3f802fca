package dev.liaison.media.camel;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/** The options of one {@code media:} endpoint. Each endpoint has its own copy. */
@UriParams
public class MediaConfiguration implements Cloneable {

    /** What the endpoint is about: {@code bridge} (producer) or {@code events} (consumer). */
    @UriPath(enums = "bridge,events")
    @Metadata(required = true)
    private String channel;

    /**
     * Producer: the operation to carry out when the {@code LiaisonMediaOperation} header is absent: open, offer,
     * answer, dtmf, statistics or close. No default: without it the header is required.
     */
    @UriParam(label = "producer", enums = "open,offer,answer,dtmf,statistics,close")
    private String operation;

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public MediaConfiguration copy() {
        try {
            return (MediaConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
