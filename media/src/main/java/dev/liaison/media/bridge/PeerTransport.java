package dev.liaison.media.bridge;

import dev.liaison.media.bridge.MediaRefusedException.Reason;
import dev.liaison.media.leg.RtpLegControl;
import dev.liaison.media.leg.WebRtcLegControl;
import dev.liaison.media.sdp.MediaDescription;
import dev.liaison.media.sdp.SessionDescription;
import dev.liaison.media.srtp.SrtpProfile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/** Reads a peer's transport parameters out of its SDP and hands them to its leg. */
final class PeerTransport {

    /** The WebRTC peer's ICE credentials, fingerprint and DTLS role. */
    record WebRtcPeer(String ufrag, String password, String fingerprint, String setup) {
        void applyTo(WebRtcLegControl leg) {
            try {
                leg.remoteDescription(ufrag, password, fingerprint, setup);
            } catch (IllegalArgumentException e) {
                throw new MediaRefusedException(Reason.MALFORMED_SDP, "WebRTC transport refused: " + e.getMessage(), e);
            }
        }
    }

    /** The RTP peer's addresses, rtcp-mux and chosen {@code a=crypto}. */
    record RtpPeer(
            Optional<InetSocketAddress> rtp,
            Optional<InetSocketAddress> rtcp,
            boolean rtcpMux,
            Optional<String> crypto,
            Optional<String> cryptoTag,
            Optional<SrtpProfile> sdes) {
        void applyTo(RtpLegControl leg) {
            try {
                leg.remoteDescription(rtp, rtcp, rtcpMux, crypto);
            } catch (IllegalArgumentException e) {
                throw new MediaRefusedException(Reason.MALFORMED_SDP, "RTP transport refused: " + e.getMessage(), e);
            }
        }
    }

    private PeerTransport() {}

    /** From the first accepted section (one BUNDLE transport), session-level values as fallback. */
    static WebRtcPeer webRtc(SessionDescription sdp, MediaDescription section, String defaultSetup) {
        String ufrag = sdp.effective(section, "ice-ufrag").orElse("");
        String password = sdp.effective(section, "ice-pwd").orElse("");
        String fingerprint = sdp.effective(section, "fingerprint").orElse("");
        if (ufrag.isEmpty() || password.isEmpty() || fingerprint.isEmpty()) {
            throw new MediaRefusedException(
                    Reason.MALFORMED_SDP, "a WebRTC SDP needs a=ice-ufrag, a=ice-pwd and a=fingerprint");
        }
        String setup = sdp.effective(section, "setup").orElse(defaultSetup);
        return new WebRtcPeer(ufrag, password, fingerprint, setup);
    }

    /**
     * @param section the phone's audio section, or null when it has none (then: no address)
     * @param needCrypto true when the broker's leg toward it uses SDES (its answer must carry a=crypto)
     */
    static RtpPeer rtp(SessionDescription sdp, MediaDescription section, boolean needCrypto) {
        if (section == null) {
            return new RtpPeer(
                    Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty());
        }
        String connection = section.connection()
                .or(sdp::connection)
                .orElseThrow(() -> new MediaRefusedException(Reason.MALFORMED_SDP, "no c= line"));
        Optional<InetAddress> address = Addresses.fromConnection(connection);
        if (address == null) {
            throw new MediaRefusedException(Reason.MALFORMED_SDP, "c= is not an IP address: " + shorten(connection));
        }
        Optional<InetSocketAddress> rtp =
                section.port() == 0 ? Optional.empty() : address.map(a -> Addresses.socket(a, section.port()));
        boolean mux = section.rtcpMux();
        Optional<InetSocketAddress> rtcp =
                mux || rtp.isEmpty() ? Optional.empty() : rtcpAttribute(section, address.get());
        Optional<String> crypto = Optional.empty();
        Optional<String> tag = Optional.empty();
        Optional<SrtpProfile> sdes = Optional.empty();
        if (section.protocol().contains("SAVP") || needCrypto) {
            for (String line : section.cryptos()) {
                String[] parts = line.trim().split("\\s+");
                Optional<SrtpProfile> profile = parts.length >= 3 ? SrtpProfile.bySdesName(parts[1]) : Optional.empty();
                if (profile.isPresent()) {
                    crypto = Optional.of(line.trim());
                    tag = Optional.of(parts[0]);
                    sdes = profile;
                    break;
                }
            }
            if (crypto.isEmpty()) {
                throw new MediaRefusedException(Reason.MALFORMED_SDP, "RTP/SAVP without an a=crypto the broker speaks");
            }
        }
        return new RtpPeer(rtp, rtcp, mux, crypto, tag, sdes);
    }

    private static Optional<InetSocketAddress> rtcpAttribute(MediaDescription section, InetAddress rtpAddress) {
        Optional<String> value = section.attribute("rtcp");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = value.get().trim().split("\\s+");
        int port;
        try {
            port = Integer.parseInt(parts[0]);
        } catch (NumberFormatException e) {
            throw new MediaRefusedException(Reason.MALFORMED_SDP, "bad a=rtcp: " + shorten(value.get()));
        }
        if (port < 1 || port > 65535) {
            throw new MediaRefusedException(Reason.MALFORMED_SDP, "bad a=rtcp port: " + port);
        }
        InetAddress address = rtpAddress;
        if (parts.length >= 4) {
            Optional<InetAddress> explicit =
                    Addresses.fromConnection(String.join(" ", List.of(parts).subList(1, 4)));
            if (explicit == null) {
                throw new MediaRefusedException(Reason.MALFORMED_SDP, "bad a=rtcp address: " + shorten(value.get()));
            }
            address = explicit.orElse(rtpAddress);
        }
        return Optional.of(Addresses.socket(address, port));
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
