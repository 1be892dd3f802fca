package dev.liaison.media.leg;

import java.net.InetSocketAddress;

/**
 * A WebRTC leg on the muxed port (implemented in package {@code webrtc}): ICE-lite with this leg's own ufrag, the
 * broker as DTLS server ({@code a=setup:passive}) unless the peer asked otherwise, SRTP with rtcp-mux.
 */
public interface WebRtcLegControl extends MediaLeg {

    /** This leg's {@code a=ice-ufrag}. */
    String localUfrag();

    /** This leg's {@code a=ice-pwd}. */
    String localPassword();

    /** The broker certificate's {@code a=fingerprint} value, e.g. {@code sha-256 AB:CD:...}. */
    String localFingerprint();

    /** The muxed port's address (the SDP carries the configured advertised candidates, not necessarily this). */
    InetSocketAddress muxAddress();

    /**
     * The peer's description arrived (its offer, or its answer to ours): ICE credentials, DTLS fingerprint ({@code
     * a=fingerprint} value) and {@code a=setup} value ({@code actpass}, {@code active} or {@code passive}). From now on
     * binding checks are answered and DTLS is accepted (or started, when the peer is passive). May be called again on
     * an ICE restart or re-offer; unchanged values keep the running DTLS association.
     *
     * @throws IllegalArgumentException when a value is malformed (the SDP is refused)
     */
    void remoteDescription(String ufrag, String password, String fingerprint, String setup);

    /** The {@code a=setup} value this leg puts in its SDP, given the peer's (RFC 5763: we are passive to actpass). */
    String localSetup(String remoteSetup);
}
