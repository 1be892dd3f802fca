package dev.liaison.gateway.call;

/** The routes asked to connect a call to a kind of leg this node cannot create (that side is not running). */
public class NoLegProviderException extends RuntimeException {

    public NoLegProviderException(LegKind kind) {
        super("No " + kind + " legs on this node");
    }
}
