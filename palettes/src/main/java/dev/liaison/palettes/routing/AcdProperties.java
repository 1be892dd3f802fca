package dev.liaison.palettes.routing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The built-in ACD's settings ({@code liaison.acd.*}).
 *
 * @param loopEnabled run the routing loop on this node (tests that drive routing by hand turn it off)
 * @param routingInterval how often the loop routes and sweeps even when nothing signalled it
 * @param batchSize waiting tasks read per database round trip while routing
 * @param maxScan most waiting tasks one routing pass looks at before giving up on the rest until the next pass
 * @param presenceTimeout an agent whose desktop sent nothing for this long is signed out and their offer returned
 * @param missedOfferNotReady an agent who lets an offer expire is set not ready (reason {@code missed-offer})
 * @param orphanTimeout tasks still assigned to an agent who has been signed out this long are ended
 * @param defaultCapacity tasks an agent may hold at once per channel, unless the agent has their own; channels not
 *     configured keep the standard capacity (1 voice, 1 video, 3 chats, 1 callback)
 */
@Validated
@ConfigurationProperties("liaison.acd")
public record AcdProperties(
        @DefaultValue("true") boolean loopEnabled,
        @DefaultValue("1s") @NotNull Duration routingInterval,
        @DefaultValue("200") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("2000") @Min(1) @Max(100_000) int maxScan,
        @DefaultValue("60s") @NotNull Duration presenceTimeout,
        @DefaultValue("true") boolean missedOfferNotReady,
        @DefaultValue("5m") @NotNull Duration orphanTimeout,
        Map<String, Integer> defaultCapacity) {

    /** One voice, one video, three chats and one callback at a time, unless configured otherwise. */
    public static final Map<String, Integer> STANDARD_CAPACITY =
            Map.of("voice", 1, "video", 1, "chat", 3, "callback", 1);

    public AcdProperties {
        Map<String, Integer> merged = new java.util.HashMap<>(STANDARD_CAPACITY);
        if (defaultCapacity != null) {
            merged.putAll(defaultCapacity);
        }
        defaultCapacity = Map.copyOf(merged);
    }
}
