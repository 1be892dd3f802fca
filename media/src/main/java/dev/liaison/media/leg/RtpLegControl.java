package dev.liaison.media.leg;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * A SIP-side leg on its own port pair from the configured range (implemented in package {@code rtp}): plain RTP/AVP,
 * or SDES-SRTP (RTP/SAVP) when opened with keys. RTCP on the next port unless the peer uses rtcp-mux. The leg latches
 * to the source address of the first valid inbound packet (symmetric RTP, for phones behind NAT).
 */
public interface RtpLegControl extends MediaLeg {

    /** The bound RTP address (even port); RTCP is on the next port. */
    InetSocketAddress localAddress();

    /** For an SDES leg, this leg's {@code a=crypto} value ({@code 1 AES_CM_128_HMAC_SHA1_80 inline:...}). */
    Optional<String> localCrypto();

    /**
     * The peer's description arrived: where it wants RTP (and RTCP, empty for rtcp-mux or port+1), and its {@code
     * a=crypto} value for an SDES leg. A hold ({@code c=0.0.0.0} or port 0) is given as {@code rtp} empty.
     *
     * @throws IllegalArgumentException when the crypto line is malformed or uses a suite this leg was not opened with
     */
    void remoteDescription(
            Optional<InetSocketAddress> rtp,
            Optional<InetSocketAddress> rtcp,
            boolean rtcpMux,
            Optional<String> crypto);
}
