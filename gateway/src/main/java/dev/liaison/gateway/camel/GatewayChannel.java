package dev.liaison.gateway.camel;

/** What a {@code gateway:} endpoint is about: the path of its URI. */
public enum GatewayChannel {
    /** Call events (consumer) and call commands (producer). */
    CALLS;

    static GatewayChannel parse(String path) {
        for (GatewayChannel channel : values()) {
            if (channel.name().equalsIgnoreCase(path)) {
                return channel;
            }
        }
        throw new IllegalArgumentException("Unknown gateway channel '" + path + "'; expected one of: calls");
    }
}
