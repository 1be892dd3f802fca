package dev.liaison.palettes.context;

import java.util.Objects;
import java.util.UUID;

/**
 * A customer arriving on some channel.
 *
 * @param correlationId the correlation ID the client presents (from its storage, a link, a transfer), or {@code null}
 * @param identityKey the identity the site vouches for ({@code customer:42}, {@code phone:+1 415 555 0100},
 *     {@code email:Ann@Example.com}), or {@code null}; normalized by {@link IdentityKeys}
 * @param channel the channel the customer arrives on
 */
public record ResolveRequest(UUID correlationId, String identityKey, Channel channel) {

    public ResolveRequest {
        Objects.requireNonNull(channel, "channel");
    }
}
