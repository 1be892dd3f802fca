package dev.liaison.media.config;

import dev.liaison.media.sdp.IceLiteAnswerBuilder.Candidate;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the broker puts in its SDP: the WebRTC host candidates of the muxed port and the {@code c=} address of SIP
 * legs. Configured values win; otherwise the bind address, or the host's first non-loopback IPv4 address when bound to
 * the wildcard.
 *
 * @param candidates the host candidates of every WebRTC answer and offer, in priority order
 * @param rtpBind where SIP-side legs bind
 * @param rtpAdvertised the address of SIP-side legs in their SDP
 */
public record AdvertisedAddresses(List<Candidate> candidates, InetAddress rtpBind, InetAddress rtpAdvertised) {

    public AdvertisedAddresses {
        candidates = List.copyOf(candidates);
    }

    /** Resolves the settings against the mux's bound address (its real port when 0 was asked). */
    public static AdvertisedAddresses resolve(MediaProperties properties, InetSocketAddress muxBound) {
        return resolve(properties, muxBound, HostAddresses::firstNonLoopbackIpv4);
    }

    static AdvertisedAddresses resolve(
            MediaProperties properties, InetSocketAddress muxBound, Supplier<Optional<InetAddress>> host) {
        List<Candidate> candidates;
        if (properties.mux().advertisedCandidates().isEmpty()) {
            InetAddress address = HostAddresses.advertised(muxBound.getAddress(), host);
            candidates = List.of(new Candidate(address.getHostAddress(), muxBound.getPort()));
        } else {
            candidates = properties.mux().advertisedCandidates().stream()
                    .map(value -> HostPort.parse("liaison.media.mux.advertised-candidates", value))
                    .map(hp -> new Candidate(
                            hp.address().getHostAddress(), hp.port().orElse(muxBound.getPort())))
                    .toList();
        }
        InetAddress rtpBind = Checks.ipLiteral(
                "liaison.media.rtp.bind-address", properties.rtp().bindAddress());
        InetAddress rtpAdvertised = properties.rtp().advertisedAddress().isEmpty()
                ? HostAddresses.advertised(rtpBind, host)
                : Checks.ipLiteral(
                        "liaison.media.rtp.advertised-address", properties.rtp().advertisedAddress());
        return new AdvertisedAddresses(candidates, rtpBind, rtpAdvertised);
    }
}
