package dev.liaison.routes.acd;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Destinations the built-in ACD answers ({@code liaison.acd.destinations.<name>.*}): a call or chat to such a
 * destination becomes an ACD task instead of going where the dial plan says. Checked at startup, together with the
 * gateway's routing timeout and the dial plan ({@link AcdDestinationsCheck}).
 *
 * @param destinations destination name (what a customer calls, {@code [A-Za-z0-9._@+:/-]{1,128}}) to its routing
 */
@ConfigurationProperties("liaison.acd")
public record AcdDestinationsProperties(Map<String, Destination> destinations) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@+:/-]{1,128}");

    public AcdDestinationsProperties {
        Map<String, Destination> checked = new LinkedHashMap<>();
        (destinations == null ? Map.<String, Destination>of() : destinations).forEach((name, destination) -> {
            String key = "liaison.acd.destinations." + name;
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        key + ": a destination name is 1 to 128 characters of [A-Za-z0-9._@+:/-]");
            }
            if (destination == null) {
                throw new IllegalArgumentException(key + " has no settings");
            }
            checked.put(name, destination.checked(key));
        });
        destinations = Map.copyOf(checked);
    }

    /**
     * How contacts to one destination are routed. Give exactly one of {@code queue} and {@code workflow}.
     *
     * @param queue the ACD queue its tasks wait in
     * @param workflow the ACD workflow that chooses the queue (and escalates)
     * @param priority task priority, 0 (default) to 1000
     * @param maxWait the longest a call waits for an agent; then it ends with {@code no-answer} and its task is
     *     canceled ({@code max-wait}). Must be shorter than {@code liaison.gateway.calls.routing-timeout}, so the
     *     gateway never ends a queued call first. Default 10 minutes.
     */
    public record Destination(
            String queue, String workflow, @DefaultValue("0") int priority, @DefaultValue("10m") Duration maxWait) {

        Destination checked(String key) {
            boolean hasQueue = queue != null && !queue.isBlank();
            boolean hasWorkflow = workflow != null && !workflow.isBlank();
            if (hasQueue == hasWorkflow) {
                throw new IllegalArgumentException(key + ": give exactly one of queue and workflow");
            }
            if (priority < 0 || priority > 1000) {
                throw new IllegalArgumentException(key + ".priority must be 0 to 1000, got " + priority);
            }
            if (maxWait == null || maxWait.isNegative() || maxWait.isZero()) {
                throw new IllegalArgumentException(key + ".max-wait must be positive, got " + maxWait);
            }
            return this;
        }
    }

    /** The destination's routing, if the ACD answers it. */
    public java.util.Optional<Destination> destination(String name) {
        return name == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(destinations.get(name));
    }
}
