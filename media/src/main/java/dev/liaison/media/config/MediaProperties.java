package dev.liaison.media.config;

import dev.liaison.media.srtp.SrtpProfile;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the media broker ({@code liaison.media.*}). Every value is checked when the record is built, so a bad
 * setting stops the application at start-up with a message naming it. docs/configuration.md lists them.
 *
 * @param enabled whether the broker runs in this process; without it calls that need media end with {@code no-media}
 * @param mux the one UDP port every WebRTC session shares
 * @param rtp the port range of the SIP-side (plain RTP or SDES-SRTP) legs
 * @param sdes whether the broker offers SDES-SRTP towards SIP legs, and with which suite
 * @param dtls the DTLS-SRTP handshake of WebRTC legs
 * @param inactivityTimeout a leg that received no media for this long ends its call ({@code media-timeout})
 * @param sweepInterval how often the consent and inactivity sweeps run; at most the shorter of the two timeouts
 */
@ConfigurationProperties("liaison.media")
public record MediaProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue Mux mux,
        @DefaultValue Rtp rtp,
        @DefaultValue Sdes sdes,
        @DefaultValue Dtls dtls,
        @DefaultValue("30s") Duration inactivityTimeout,
        @DefaultValue("1s") Duration sweepInterval) {

    public MediaProperties {
        Checks.positive("liaison.media.inactivity-timeout", inactivityTimeout);
        Checks.positive("liaison.media.sweep-interval", sweepInterval);
        Checks.require(
                sweepInterval.compareTo(inactivityTimeout) <= 0 && sweepInterval.compareTo(mux.consentTimeout()) <= 0,
                "liaison.media.sweep-interval (" + sweepInterval + ") must not exceed liaison.media.inactivity-timeout"
                        + " (" + inactivityTimeout + ") nor liaison.media.mux.consent-timeout ("
                        + mux.consentTimeout() + ")");
    }

    /** Defaults, for tests and for code that builds the broker without Spring. */
    public static MediaProperties defaults() {
        return new MediaProperties(
                true,
                Mux.defaults(),
                Rtp.defaults(),
                new Sdes(false, SrtpProfile.AES128_CM_HMAC_SHA1_80.sdesName()),
                new Dtls(Duration.ofSeconds(10), Duration.ofDays(30)),
                Duration.ofSeconds(30),
                Duration.ofSeconds(1));
    }

    /** The same settings with another mux port (tests bind port 0). */
    public MediaProperties withMuxPort(int port) {
        return new MediaProperties(
                enabled,
                new Mux(
                        mux.bindAddress(),
                        port,
                        mux.advertisedCandidates(),
                        mux.maxSessions(),
                        mux.sessionQueueCapacity(),
                        mux.consentTimeout()),
                rtp,
                sdes,
                dtls,
                inactivityTimeout,
                sweepInterval);
    }

    /**
     * The muxed UDP port of the WebRTC legs ({@code liaison.media.mux.*}).
     *
     * @param bindAddress the local IP address to bind; {@code 0.0.0.0} (every IPv4 interface) by default
     * @param port the UDP port; {@code 0} picks a free one at start (tests)
     * @param advertisedCandidates the host candidates put in every WebRTC SDP, each {@code ip} or {@code ip:port}
     *     (IPv6 as {@code [addr]:port}); without a port the bound port is used. Empty means the bind address, or the
     *     first non-loopback IPv4 address of the host when bound to {@code 0.0.0.0}. Behind NAT, list the public
     *     address.
     * @param maxSessions WebRTC legs the port carries at once; one more is refused ({@code UNAVAILABLE})
     * @param sessionQueueCapacity datagrams queued per session before new ones are dropped and counted
     * @param consentTimeout a WebRTC leg with no valid ICE check for this long ends (RFC 7675 consent freshness)
     */
    public record Mux(
            @DefaultValue("0.0.0.0") String bindAddress,
            @DefaultValue("16000") int port,
            @DefaultValue List<String> advertisedCandidates,
            @DefaultValue("1000") int maxSessions,
            @DefaultValue("256") int sessionQueueCapacity,
            @DefaultValue("30s") Duration consentTimeout) {

        public Mux {
            Checks.ipLiteral("liaison.media.mux.bind-address", bindAddress);
            Checks.range("liaison.media.mux.port", port, 0, 65_535);
            advertisedCandidates = advertisedCandidates == null ? List.of() : List.copyOf(advertisedCandidates);
            for (String candidate : advertisedCandidates) {
                HostPort.parse("liaison.media.mux.advertised-candidates", candidate);
            }
            Checks.range("liaison.media.mux.max-sessions", maxSessions, 1, 100_000);
            Checks.range("liaison.media.mux.session-queue-capacity", sessionQueueCapacity, 1, 10_000);
            Checks.positive("liaison.media.mux.consent-timeout", consentTimeout);
        }

        static Mux defaults() {
            return new Mux("0.0.0.0", 16000, List.of(), 1000, 256, Duration.ofSeconds(30));
        }
    }

    /**
     * The SIP-side legs ({@code liaison.media.rtp.*}): each takes an even RTP port and the odd RTCP port above it.
     *
     * @param bindAddress the local IP address the legs bind; {@code 0.0.0.0} by default
     * @param advertisedAddress the address put in the {@code c=} line towards phones and PBXs; empty means the bind
     *     address, or the first non-loopback IPv4 address of the host when bound to {@code 0.0.0.0}
     * @param portMin the lowest RTP port, even
     * @param portMax the highest port of the range (the RTCP port of the last pair)
     * @param maxLegs SIP-side legs at once; at most the number of port pairs in the range
     * @param latching send to the source address of the first valid inbound packet (symmetric RTP, phones behind NAT)
     *     instead of the SDP address
     */
    public record Rtp(
            @DefaultValue("0.0.0.0") String bindAddress,
            @DefaultValue("") String advertisedAddress,
            @DefaultValue("20000") int portMin,
            @DefaultValue("29999") int portMax,
            @DefaultValue("1000") int maxLegs,
            @DefaultValue("true") boolean latching) {

        public Rtp {
            Checks.ipLiteral("liaison.media.rtp.bind-address", bindAddress);
            advertisedAddress = advertisedAddress == null ? "" : advertisedAddress.trim();
            if (!advertisedAddress.isEmpty()) {
                Checks.ipLiteral("liaison.media.rtp.advertised-address", advertisedAddress);
            }
            Checks.range("liaison.media.rtp.port-min", portMin, 1024, 65_534);
            Checks.require(
                    portMin % 2 == 0,
                    "liaison.media.rtp.port-min must be even (RTP on even ports, RTCP on the next), got " + portMin);
            Checks.range("liaison.media.rtp.port-max", portMax, 1025, 65_535);
            Checks.require(
                    portMax > portMin,
                    "liaison.media.rtp.port-max (" + portMax + ") must be above liaison.media.rtp.port-min (" + portMin
                            + ")");
            Checks.require(
                    maxLegs >= 1 && maxLegs <= portPairs(portMin, portMax),
                    "liaison.media.rtp.max-legs must be 1.." + portPairs(portMin, portMax) + " (the port pairs in "
                            + portMin + "-" + portMax + "), got " + maxLegs);
        }

        /** RTP/RTCP port pairs in the range. */
        public int portPairs() {
            return portPairs(portMin, portMax);
        }

        private static int portPairs(int min, int max) {
            return (max - min + 1) / 2;
        }

        static Rtp defaults() {
            return new Rtp("0.0.0.0", "", 20000, 29999, 1000, true);
        }
    }

    /**
     * SDES-SRTP towards SIP legs ({@code liaison.media.sdes.*}). A SIP offer with {@code a=crypto} is always answered
     * with SDES; this decides what the broker offers itself.
     *
     * @param offer offer RTP/SAVP with an {@code a=crypto} line instead of plain RTP/AVP
     * @param profile the crypto suite offered, as SDP names it: {@code AES_CM_128_HMAC_SHA1_80},
     *     {@code AES_CM_128_HMAC_SHA1_32}, {@code AEAD_AES_128_GCM} or {@code AEAD_AES_256_GCM}
     */
    public record Sdes(@DefaultValue("false") boolean offer, @DefaultValue("AES_CM_128_HMAC_SHA1_80") String profile) {

        public Sdes {
            profile = profile == null ? "" : profile.trim();
            String name = profile;
            Checks.require(
                    Arrays.stream(SrtpProfile.values())
                            .anyMatch(p -> p.sdesName().equals(name)),
                    "liaison.media.sdes.profile must be one of "
                            + Arrays.stream(SrtpProfile.values())
                                    .map(SrtpProfile::sdesName)
                                    .collect(Collectors.joining(", "))
                            + ", got '" + profile + "'");
        }

        /** The configured suite. */
        public SrtpProfile srtpProfile() {
            return Arrays.stream(SrtpProfile.values())
                    .filter(p -> p.sdesName().equals(profile))
                    .findFirst()
                    .orElseThrow();
        }
    }

    /**
     * DTLS-SRTP of WebRTC legs ({@code liaison.media.dtls.*}).
     *
     * @param handshakeTimeout how long a handshake may take from the ICE nomination of the browser's address; then the leg ends
     * @param certificateValidity how long the broker's self-signed certificate is used before a new one is made
     *     (between calls, never within one)
     */
    public record Dtls(
            @DefaultValue("10s") Duration handshakeTimeout, @DefaultValue("30d") Duration certificateValidity) {

        public Dtls {
            Checks.positive("liaison.media.dtls.handshake-timeout", handshakeTimeout);
            Checks.positive("liaison.media.dtls.certificate-validity", certificateValidity);
        }
    }
}
