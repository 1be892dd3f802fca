package dev.liaison.media.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the broker's answer to a WebRTC offer (RFC 8829 style, ICE-lite): every offered section is accepted with the
 * codecs both sides have, on one BUNDLE transport, with the broker's ICE credentials, DTLS fingerprint,
 * {@code a=setup:passive} (the broker is the DTLS server and sends no DTLS before the answer), rtcp-mux, and its host
 * candidates. A section with no common codec is rejected (port 0).
 */
public final class IceLiteAnswerBuilder {

    /** One advertised host candidate: the public address behind NAT, or the bind address. */
    public record Candidate(String address, int port) {
        /** The {@code a=candidate} value of this candidate as the {@code index}th one advertised. */
        public String attribute(int index) {
            // RFC 8445 section 5.1.2: priority of a host candidate with local preference 65535 - index, component 1.
            long priority = (126L << 24) | ((65535L - index) << 8) | 255L;
            return "host" + index + " 1 udp " + priority + " " + address + " " + port + " typ host";
        }
    }

    private final String ufrag;
    private final String pwd;
    private final String fingerprint;
    private final List<Candidate> candidates;
    private final List<RtpMap> supported;

    /**
     * @param fingerprint {@code sha-256 AB:CD:...} of the broker's DTLS certificate
     * @param supported the codecs the broker accepts (payload types are taken from the offer)
     */
    public IceLiteAnswerBuilder(
            String ufrag, String pwd, String fingerprint, List<Candidate> candidates, List<RtpMap> supported) {
        this.ufrag = ufrag;
        this.pwd = pwd;
        this.fingerprint = fingerprint;
        this.candidates = List.copyOf(candidates);
        this.supported = List.copyOf(supported);
    }

    public SessionDescription answer(SessionDescription offer, long sessionId) {
        List<SdpLine> session = new ArrayList<>();
        session.add(new SdpLine('o', "liaison " + sessionId + " 1 IN IP4 0.0.0.0"));
        session.add(new SdpLine('s', "-"));
        session.add(new SdpLine('t', "0 0"));
        session.add(SdpLine.attribute("ice-lite", null));
        List<String> mids = new ArrayList<>();
        List<MediaDescription> media = new ArrayList<>();
        for (MediaDescription offered : offer.media()) {
            media.add(answerSection(offered, mids));
        }
        if (!mids.isEmpty()) {
            session.add(SdpLine.attribute("group", "BUNDLE " + String.join(" ", mids)));
        }
        return new SessionDescription(session, media);
    }

    private MediaDescription answerSection(MediaDescription offered, List<String> mids) {
        List<RtpMap> codecs = CodecNegotiator.answerCodecs(offered.codecs(), supported);
        boolean accepted = codecs.stream().anyMatch(c -> !c.isAuxiliary());
        List<SdpLine> lines = new ArrayList<>();
        lines.add(new SdpLine('c', "IN IP4 0.0.0.0"));
        MediaDescription answer =
                new MediaDescription(offered.media(), accepted ? 9 : 0, offered.protocol(), offered.formats(), lines);
        offered.mid().ifPresent(mid -> answer.addAttribute("mid", mid));
        if (!accepted) {
            answer.setCodecs(
                    offered.codecs().isEmpty()
                            ? List.of()
                            : List.of(offered.codecs().get(0)));
            answer.setDirection(Direction.INACTIVE);
            return answer;
        }
        offered.mid().ifPresent(mids::add);
        answer.addAttribute("ice-ufrag", ufrag);
        answer.addAttribute("ice-pwd", pwd);
        answer.addAttribute("fingerprint", fingerprint);
        answer.addAttribute("setup", "passive");
        for (int i = 0; i < candidates.size(); i++) {
            answer.addAttribute("candidate", candidates.get(i).attribute(i));
        }
        answer.addAttribute("end-of-candidates", null);
        answer.setDirection(offered.direction().reverse());
        answer.addAttribute("rtcp-mux", null);
        if (offered.hasAttribute("rtcp-rsize")) {
            answer.addAttribute("rtcp-rsize", null);
        }
        // setCodecs keeps the feedback lines of the chosen payload types.
        offered.attributes("rtcp-fb").forEach(fb -> answer.addAttribute("rtcp-fb", fb));
        answer.setCodecs(codecs);
        return answer;
    }
}
