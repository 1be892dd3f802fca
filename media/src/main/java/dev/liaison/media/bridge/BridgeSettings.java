package dev.liaison.media.bridge;

import dev.liaison.media.sdp.IceLiteAnswerBuilder.Candidate;
import dev.liaison.media.sdp.RtpMap;
import dev.liaison.media.srtp.SrtpProfile;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the bridges write the broker's SDP and when they give up on silent calls.
 *
 * @param webRtcCandidates host candidates advertised in WebRTC SDP (the public address of the muxed port); at least one
 * @param rtpAddress the address in {@code c=} of RTP SDP (an IPv4 or IPv6 literal the phones can reach)
 * @param webRtcCodecs codecs a WebRTC side can carry, preferred first (payload types are used only when the broker adds
 *     a codec of its own to an offer)
 * @param rtpCodecs codecs an RTP side can carry, preferred first
 * @param sdesOffer when present, the broker's offers to RTP sides are RTP/SAVP with an {@code a=crypto} of this suite;
 *     when empty they are RTP/AVP (an RTP side that offers RTP/SAVP itself is always answered with SDES)
 * @param inactivityTimeout a bridge whose sending peer is silent for this long ends with {@code INACTIVITY}
 * @param maxBridges bridges open at once before {@code open} refuses with {@code UNAVAILABLE}
 */
public record BridgeSettings(
        List<Candidate> webRtcCandidates,
        String rtpAddress,
        List<RtpMap> webRtcCodecs,
        List<RtpMap> rtpCodecs,
        Optional<SrtpProfile> sdesOffer,
        Duration inactivityTimeout,
        int maxBridges) {

    /** Opus, PCMU, PCMA and telephone-event at 48 and 8 kHz; VP8 and H.264 (constrained baseline, packetization 1). */
    public static final List<RtpMap> DEFAULT_WEBRTC_CODECS = List.of(
            new RtpMap(111, "opus", 48_000, 2, "minptime=10;useinbandfec=1"),
            new RtpMap(0, "PCMU", 8000, 1, ""),
            new RtpMap(8, "PCMA", 8000, 1, ""),
            new RtpMap(110, "telephone-event", 48_000, 1, ""),
            new RtpMap(126, "telephone-event", 8000, 1, ""),
            new RtpMap(96, "VP8", 90_000, 1, ""),
            new RtpMap(
                    102, "H264", 90_000, 1, "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f"),
            new RtpMap(
                    106, "H264", 90_000, 1, "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f"));

    /** PCMU, PCMA and telephone-event at 8 kHz. */
    public static final List<RtpMap> DEFAULT_RTP_CODECS = List.of(
            new RtpMap(0, "PCMU", 8000, 1, ""),
            new RtpMap(8, "PCMA", 8000, 1, ""),
            new RtpMap(101, "telephone-event", 8000, 1, "0-16"));

    public BridgeSettings {
        Objects.requireNonNull(rtpAddress, "rtpAddress");
        Objects.requireNonNull(sdesOffer, "sdesOffer");
        webRtcCandidates = List.copyOf(webRtcCandidates);
        webRtcCodecs = List.copyOf(webRtcCodecs);
        rtpCodecs = List.copyOf(rtpCodecs);
        if (webRtcCandidates.isEmpty()) {
            throw new IllegalArgumentException("at least one WebRTC candidate must be advertised");
        }
        if (Addresses.parse(rtpAddress) == null) {
            throw new IllegalArgumentException("rtpAddress must be an IP address literal: " + rtpAddress);
        }
        if (webRtcCodecs.stream().allMatch(RtpMap::isAuxiliary)
                || rtpCodecs.stream().allMatch(RtpMap::isAuxiliary)) {
            throw new IllegalArgumentException("each profile needs at least one media codec");
        }
        if (inactivityTimeout == null || inactivityTimeout.isNegative() || inactivityTimeout.isZero()) {
            throw new IllegalArgumentException("inactivityTimeout must be positive");
        }
        if (maxBridges < 1) {
            throw new IllegalArgumentException("maxBridges must be at least 1");
        }
    }

    /** The default codecs, RTP/AVP offers, 30 s of inactivity, 10,000 bridges. */
    public static BridgeSettings defaults(List<Candidate> webRtcCandidates, String rtpAddress) {
        return new BridgeSettings(
                webRtcCandidates,
                rtpAddress,
                DEFAULT_WEBRTC_CODECS,
                DEFAULT_RTP_CODECS,
                Optional.empty(),
                Duration.ofSeconds(30),
                10_000);
    }

    List<RtpMap> codecs(LegProfile profile) {
        return profile == LegProfile.WEBRTC ? webRtcCodecs : rtpCodecs;
    }
}
