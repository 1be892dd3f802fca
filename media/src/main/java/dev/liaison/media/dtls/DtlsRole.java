package dev.liaison.media.dtls;

import java.util.Locale;

/** Which side of the DTLS handshake this endpoint takes (RFC 5763 / RFC 8842 {@code a=setup}). */
public enum DtlsRole {
    SERVER,
    CLIENT;

    /**
     * Our role when answering an offer with the given {@code a=setup} value: an offer of {@code actpass} or
     * {@code active} makes us the server ({@code a=setup:passive}, so we never send DTLS before the answer); an offer
     * of {@code passive} makes us the client.
     */
    public static DtlsRole answering(String remoteSetup) {
        return switch (remoteSetup.trim().toLowerCase(Locale.ROOT)) {
            case "actpass", "active" -> SERVER;
            case "passive" -> CLIENT;
            default -> throw new IllegalArgumentException("unknown a=setup value: " + remoteSetup);
        };
    }

    /** The {@code a=setup} value we put in our answer. */
    public String setupAttribute() {
        return this == SERVER ? "passive" : "active";
    }
}
