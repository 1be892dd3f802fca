package dev.liaison.media.bridge;

import dev.liaison.media.leg.RtpLegControl;
import dev.liaison.media.leg.WebRtcLegControl;
import dev.liaison.media.sdp.Direction;
import dev.liaison.media.sdp.IceLiteAnswerBuilder.Candidate;
import dev.liaison.media.sdp.MediaDescription;
import dev.liaison.media.sdp.RtpMap;
import dev.liaison.media.sdp.SdpLine;
import dev.liaison.media.sdp.SdpWriter;
import dev.liaison.media.sdp.SessionDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the broker's SDP toward one side, in that side's profile. WebRTC: {@code UDP/TLS/RTP/SAVPF}, ICE-lite with
 * the leg's credentials and the advertised candidates, the certificate fingerprint, {@code a=setup} (actpass in
 * offers, the leg's choice in answers), rtcp-mux and one BUNDLE group. RTP: {@code RTP/AVP} (or {@code RTP/SAVP} with
 * the leg's {@code a=crypto}), the advertised address, the leg's port and {@code a=rtcp}.
 */
final class BrokerSdp {
    static final String WEBRTC_PROTOCOL = "UDP/TLS/RTP/SAVPF";
    private static final String CNAME = "liaison";

    private final BridgeSettings settings;

    BrokerSdp(BridgeSettings settings) {
        this.settings = settings;
    }

    /** The broker's offer to {@code target} for a pending offer of the other side. */
    String offer(Side target, List<OfferedLine> lines) {
        List<MediaDescription> media = new ArrayList<>();
        List<String> bundle = new ArrayList<>();
        boolean webRtc = target.profile() == LegProfile.WEBRTC;
        for (OfferedLine line : lines) {
            String mid = target.mid(line.index(), Integer.toString(line.index()));
            if (!line.accepted()) {
                media.add(refused(line.media(), offerProtocol(target, line), line.formats(), webRtc ? mid : null));
                continue;
            }
            if (webRtc) {
                bundle.add(mid);
                media.add(webRtcSection(
                        target, line.index(), line.media(), mid, line.offered(), line.direction(), "actpass"));
            } else {
                RtpLegControl leg = target.rtp();
                String protocol = leg.localCrypto().isPresent() ? "RTP/SAVP" : "RTP/AVP";
                media.add(rtpSection(
                        leg, line.media(), protocol, line.offered(), line.direction(), false, leg.localCrypto()));
            }
        }
        return write(target, media, bundle);
    }

    /** The broker's answer to the offerer {@code target} once the other side answered. */
    String answer(Side target, PendingOffer pending, List<NegotiatedLine> lines) {
        List<MediaDescription> media = new ArrayList<>();
        List<String> bundle = new ArrayList<>();
        boolean webRtc = target.profile() == LegProfile.WEBRTC;
        for (OfferedLine offered : pending.lines()) {
            NegotiatedLine line = lines.get(offered.index());
            if (offered.missing()) {
                continue; // the offerer left it out of a re-offer: its answer leaves it out too
            }
            String mid = target.mid(offered.index(), offered.mid().orElse(Integer.toString(offered.index())));
            if (!line.accepted()) {
                media.add(refused(offered.media(), offered.protocol(), offered.formats(), webRtc ? mid : null));
                continue;
            }
            List<RtpMap> codecs = line.codecs(target.side);
            Direction direction = line.direction(target.side.other());
            if (webRtc) {
                bundle.add(mid);
                String setup = target.webRtc().localSetup(pending.setup());
                media.add(webRtcSection(target, offered.index(), offered.media(), mid, codecs, direction, setup));
            } else {
                RtpLegControl leg = target.rtp();
                Optional<String> crypto = offered.protocol().contains("SAVP")
                        ? leg.localCrypto()
                                .map(c -> withTag(c, pending.cryptoTag().orElse("1")))
                        : Optional.empty();
                media.add(rtpSection(
                        leg, offered.media(), offered.protocol(), codecs, direction, pending.rtcpMux(), crypto));
            }
        }
        return write(target, media, bundle);
    }

    private String write(Side target, List<MediaDescription> media, List<String> bundle) {
        List<SdpLine> session = new ArrayList<>();
        long version = target.nextVersion();
        if (target.profile() == LegProfile.WEBRTC) {
            session.add(new SdpLine('o', "liaison " + target.sessionId + " " + version + " IN IP4 0.0.0.0"));
            session.add(new SdpLine('s', "-"));
            session.add(new SdpLine('t', "0 0"));
            session.add(SdpLine.attribute("ice-lite", null));
            if (!bundle.isEmpty()) {
                session.add(SdpLine.attribute("group", "BUNDLE " + String.join(" ", bundle)));
            }
            session.add(SdpLine.attribute("msid-semantic", " WMS " + CNAME));
        } else {
            String address = settings.rtpAddress();
            String connection = Addresses.connectionOf(address);
            session.add(new SdpLine('o', "liaison " + target.sessionId + " " + version + " " + connection));
            session.add(new SdpLine('s', "liaison"));
            session.add(new SdpLine('c', connection));
            session.add(new SdpLine('t', "0 0"));
        }
        return SdpWriter.write(new SessionDescription(session, media));
    }

    private MediaDescription webRtcSection(
            Side target, int index, String media, String mid, List<RtpMap> codecs, Direction direction, String setup) {
        WebRtcLegControl leg = target.webRtc();
        List<SdpLine> lines = new ArrayList<>();
        lines.add(new SdpLine('c', "IN IP4 0.0.0.0"));
        MediaDescription section = new MediaDescription(media, 9, WEBRTC_PROTOCOL, List.of(), lines);
        section.addAttribute("rtcp", "9 IN IP4 0.0.0.0");
        section.addAttribute("mid", mid);
        section.addAttribute("ice-ufrag", leg.localUfrag());
        section.addAttribute("ice-pwd", leg.localPassword());
        section.addAttribute("fingerprint", leg.localFingerprint());
        section.addAttribute("setup", setup);
        List<Candidate> candidates = settings.webRtcCandidates();
        for (int i = 0; i < candidates.size(); i++) {
            section.addAttribute("candidate", candidates.get(i).attribute(i));
        }
        section.addAttribute("end-of-candidates", null);
        section.setDirection(direction);
        section.addAttribute("rtcp-mux", null);
        if (media.equals("video")) {
            section.addAttribute("rtcp-rsize", null);
        }
        section.setCodecs(codecs);
        if (media.equals("video")) {
            for (RtpMap codec : codecs) {
                section.addAttribute("rtcp-fb", codec.payloadType() + " nack");
                section.addAttribute("rtcp-fb", codec.payloadType() + " nack pli");
                section.addAttribute("rtcp-fb", codec.payloadType() + " ccm fir");
            }
        }
        long ssrc = target.ssrc(index);
        String track = media + index;
        section.addAttribute("msid", CNAME + " " + track);
        section.addAttribute("ssrc", ssrc + " cname:" + CNAME);
        section.addAttribute("ssrc", ssrc + " msid:" + CNAME + " " + track);
        return section;
    }

    private static MediaDescription rtpSection(
            RtpLegControl leg,
            String media,
            String protocol,
            List<RtpMap> codecs,
            Direction direction,
            boolean rtcpMux,
            Optional<String> crypto) {
        int port = leg.localAddress().getPort();
        MediaDescription section = new MediaDescription(media, port, protocol, List.of(), List.of());
        section.setCodecs(codecs);
        if (rtcpMux) {
            section.addAttribute("rtcp-mux", null);
        } else {
            section.addAttribute("rtcp", Integer.toString(port + 1));
        }
        crypto.ifPresent(c -> section.addAttribute("crypto", c));
        section.setDirection(direction);
        return section;
    }

    private static MediaDescription refused(String media, String protocol, List<String> formats, String mid) {
        List<String> format = formats.isEmpty() ? List.of("0") : List.of(formats.get(0));
        MediaDescription section = new MediaDescription(media, 0, protocol, format, List.of());
        if (mid != null) {
            section.addAttribute("mid", mid);
        }
        section.setDirection(Direction.INACTIVE);
        return section;
    }

    private static String offerProtocol(Side target, OfferedLine line) {
        boolean rtpMedia = line.media().equals("audio") || line.media().equals("video");
        if (!rtpMedia) {
            return line.protocol();
        }
        return target.profile() == LegProfile.WEBRTC ? WEBRTC_PROTOCOL : "RTP/AVP";
    }

    /** Our {@code a=crypto} with the tag of the offer's line we accepted (RFC 4568 5.1.2). */
    private static String withTag(String crypto, String tag) {
        int space = crypto.indexOf(' ');
        return space < 0 ? crypto : tag + crypto.substring(space);
    }
}
