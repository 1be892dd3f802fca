package dev.liaison.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One {@code m=} section: media, port, protocol, formats, and its lines (c=, b=, a=, unknown ones kept). */
public final class MediaDescription extends LineBlock {

    private String media;
    private int port;
    private String protocol;
    private List<String> formats;

    public MediaDescription(String media, int port, String protocol, List<String> formats, List<SdpLine> lines) {
        super(lines);
        this.media = media;
        this.port = port;
        this.protocol = protocol;
        this.formats = new ArrayList<>(formats);
    }

    public String media() {
        return media;
    }

    public int port() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    /** {@code RTP/AVP} for phones, {@code UDP/TLS/RTP/SAVPF} for WebRTC. */
    public String protocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    public List<String> formats() {
        return List.copyOf(formats);
    }

    /** The {@code m=} value. */
    public String mediaLine() {
        return media + " " + port + " " + protocol + " " + String.join(" ", formats);
    }

    /** The codecs of the formats, in the sender's order of preference (static types without rtpmap included). */
    public List<RtpMap> codecs() {
        List<RtpMap> codecs = new ArrayList<>();
        for (String format : formats) {
            int pt;
            try {
                pt = Integer.parseInt(format);
            } catch (NumberFormatException e) {
                continue;
            }
            if (pt < 0 || pt > 127) {
                continue;
            }
            String fmtp = fmtpOf(pt);
            Optional<String> rtpmap = attributes("rtpmap").stream()
                    .filter(v -> v.startsWith(pt + " "))
                    .findFirst();
            if (rtpmap.isPresent()) {
                RtpMap parsed =
                        parseRtpmap(pt, rtpmap.get().substring(rtpmap.get().indexOf(' ') + 1), fmtp);
                if (parsed != null) {
                    codecs.add(parsed);
                }
            } else {
                RtpMap known = RtpMap.staticType(pt);
                if (known != null) {
                    codecs.add(new RtpMap(pt, known.encoding(), known.clockRate(), 1, fmtp));
                }
            }
        }
        return codecs;
    }

    /** Keeps only {@code codecs} (in that order) as this section's formats, with their rtpmap, fmtp and rtcp-fb. */
    public void setCodecs(List<RtpMap> codecs) {
        List<String> rtcpFb = attributes("rtcp-fb");
        removeAttribute("rtpmap");
        removeAttribute("fmtp");
        removeAttribute("rtcp-fb");
        formats = new ArrayList<>();
        for (RtpMap codec : codecs) {
            formats.add(Integer.toString(codec.payloadType()));
            addAttribute("rtpmap", codec.rtpmapValue());
            if (!codec.fmtp().isEmpty()) {
                addAttribute("fmtp", codec.payloadType() + " " + codec.fmtp());
            }
            for (String fb : rtcpFb) {
                if (fb.startsWith(codec.payloadType() + " ") || fb.startsWith("* ")) {
                    addAttribute("rtcp-fb", fb);
                }
            }
        }
    }

    public Direction direction() {
        for (Direction d : Direction.values()) {
            if (hasAttribute(d.attributeName())) {
                return d;
            }
        }
        return Direction.SENDRECV;
    }

    public void setDirection(Direction direction) {
        for (Direction d : Direction.values()) {
            removeAttribute(d.attributeName());
        }
        addAttribute(direction.attributeName(), null);
    }

    public Optional<String> mid() {
        return attribute("mid");
    }

    public boolean rtcpMux() {
        return hasAttribute("rtcp-mux");
    }

    public List<String> candidates() {
        return attributes("candidate");
    }

    /** SDES keys ({@code a=crypto}, RFC 4568). */
    public List<String> cryptos() {
        return attributes("crypto");
    }

    /** {@code a=ssrc:<id> <attribute>} lines. */
    public List<String> ssrcs() {
        return attributes("ssrc");
    }

    public List<String> extmaps() {
        return attributes("extmap");
    }

    /** The section's {@code c=} address, if it has one (else the session's applies). */
    public Optional<String> connection() {
        return line('c');
    }

    private String fmtpOf(int pt) {
        return attributes("fmtp").stream()
                .filter(v -> v.startsWith(pt + " "))
                .map(v -> v.substring(v.indexOf(' ') + 1).trim())
                .findFirst()
                .orElse("");
    }

    private static RtpMap parseRtpmap(int pt, String value, String fmtp) {
        String[] parts = value.trim().split("/");
        if (parts.length < 2 || parts[0].isEmpty()) {
            return null;
        }
        try {
            int clock = Integer.parseInt(parts[1]);
            int channels = parts.length > 2 ? Integer.parseInt(parts[2]) : 1;
            return new RtpMap(pt, parts[0], clock, channels, fmtp);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
