package dev.liaison.routes.contact;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A contact arriving from the gateway, the IVR or a CTI adapter, asking to reach a destination.
 *
 * @param correlationId the interaction the customer presents, if any (resumed only when known)
 * @param identityKey who the customer is, if the site knows ({@code customer:42}, {@code phone:+1...})
 * @param channel {@code chat}, {@code voice}, {@code video} or {@code callback}
 * @param queue queue to wait in (give this or {@code workflow})
 * @param workflow workflow that chooses the queue
 * @param priority 0 to 1000, default 0
 * @param attributes what target expressions see under {@code task.}
 * @param context context entries to store before queuing (identity, device, location, pages, ivr, custom)
 */
public record ContactRequest(
        UUID correlationId,
        String identityKey,
        String channel,
        String queue,
        String workflow,
        Integer priority,
        Map<String, Object> attributes,
        List<Entry> context) {

    /** One context value, as {@code ContextEntryWrite} takes it. */
    public record Entry(String category, String key, JsonNode value, boolean sensitive) {}
}
