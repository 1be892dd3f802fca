package dev.liaison.gateway.client.it;

/** Property values shared by the ITs that need short timeouts, so they share one application context. */
final class ShortTimeouts {

    static final String DETACH = "liaison.gateway.client.detach-timeout=1s";
    static final String AUTHENTICATE = "liaison.gateway.client.authenticate-timeout=1s";

    private ShortTimeouts() {}
}
