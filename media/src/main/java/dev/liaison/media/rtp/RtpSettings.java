package dev.liaison.media.rtp;

import java.net.InetAddress;
import java.util.Objects;

/**
 * Where SIP-side RTP legs bind and what they advertise. Checked when built: a bad value fails at startup with a
 * message naming it.
 *
 * @param bindAddress the local address the RTP and RTCP sockets bind to (may be the wildcard address)
 * @param advertisedAddress the address the broker's SDP puts in {@code c=} for these legs (not the wildcard)
 * @param portMin lowest port of the range (the first even port at or above it is the first RTP port)
 * @param portMax highest port of the range (an RTP port needs its RTCP port + 1 inside the range too)
 * @param maxLegs most RTP legs open at once
 * @param latching send to the source of the first valid inbound packet rather than the SDP address (symmetric RTP,
 *     RFC 4961), for phones behind NAT
 */
public record RtpSettings(
        InetAddress bindAddress,
        InetAddress advertisedAddress,
        int portMin,
        int portMax,
        int maxLegs,
        boolean latching) {

    public RtpSettings {
        Objects.requireNonNull(bindAddress, "RTP bind address is required");
        Objects.requireNonNull(advertisedAddress, "RTP advertised address is required");
        if (advertisedAddress.isAnyLocalAddress()) {
            throw new IllegalArgumentException("RTP advertised address " + advertisedAddress.getHostAddress()
                    + " is the wildcard address; the SDP c= line needs one the peer can reach");
        }
        if (portMin < 1 || portMax > 65535 || portMin > portMax) {
            throw new IllegalArgumentException(
                    "RTP port range " + portMin + "-" + portMax + " must satisfy 1 <= min <= max <= 65535");
        }
        if (pairs(portMin, portMax) < 1) {
            throw new IllegalArgumentException("RTP port range " + portMin + "-" + portMax
                    + " holds no even RTP port with its RTCP port (+1) in the range");
        }
        if (maxLegs < 1) {
            throw new IllegalArgumentException("RTP max legs must be at least 1, was " + maxLegs);
        }
    }

    /** How many RTP/RTCP port pairs the range holds. */
    public int portPairs() {
        return pairs(portMin, portMax);
    }

    private static int pairs(int min, int max) {
        int first = min % 2 == 0 ? min : min + 1;
        return first + 1 > max ? 0 : (max - first + 1) / 2;
    }
}
