package dev.liaison.cti.ucce.link;

import dev.liaison.cti.ucce.protocol.SessionMessages.OpenConf;

/**
 * What the link reports, always on its one dispatcher thread and in arrival order: the session opened, an event
 * (decoded protocol record), the session went down.
 */
public interface LinkListener {

    void opened(Side side, OpenConf conf);

    void event(Object decodedEvent);

    void down(String reason);
}
