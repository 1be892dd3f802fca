package dev.liaison.media.sdp;

import dev.liaison.media.sdp.SdpParseException.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses an SDP (RFC 8866): CRLF or LF line ends, {@code <type>=<value>} lines, {@code v=0} first, then session
 * lines, then {@code m=} sections. Unknown line types and attributes are kept. Bounded in bytes and lines.
 */
public final class SdpParser {

    /** Upper bound on an SDP's size: a Chromium offer with audio, video and data is about 6 KB. */
    public static final int MAX_CHARS = 64 * 1024;

    public static final int MAX_LINES = 2000;
    public static final int MAX_MEDIA = 32;

    private SdpParser() {}

    public static SessionDescription parse(String sdp) throws SdpParseException {
        if (sdp == null || sdp.isEmpty()) {
            throw new SdpParseException(Reason.MISSING_LINE, "empty SDP");
        }
        if (sdp.length() > MAX_CHARS) {
            throw new SdpParseException(Reason.TOO_LARGE, "SDP of " + sdp.length() + " characters");
        }
        List<String> raw = sdp.lines().toList();
        if (raw.size() > MAX_LINES) {
            throw new SdpParseException(Reason.TOO_MANY_LINES, raw.size() + " lines");
        }
        List<SdpLine> session = new ArrayList<>();
        List<MediaDescription> media = new ArrayList<>();
        String mediaLine = null;
        List<SdpLine> mediaLines = new ArrayList<>();
        boolean first = true;
        for (String text : raw) {
            if (text.isEmpty()) {
                continue;
            }
            SdpLine line = line(text);
            if (first) {
                if (line.type() != 'v' || !line.value().equals("0")) {
                    throw new SdpParseException(Reason.MISSING_LINE, "an SDP starts with v=0");
                }
                first = false;
                continue;
            }
            if (line.type() == 'm') {
                if (mediaLine != null) {
                    media.add(media(mediaLine, mediaLines));
                }
                if (media.size() == MAX_MEDIA) {
                    throw new SdpParseException(Reason.TOO_MANY_LINES, "more than " + MAX_MEDIA + " media sections");
                }
                mediaLine = line.value();
                mediaLines = new ArrayList<>();
            } else if (mediaLine == null) {
                session.add(line);
            } else {
                mediaLines.add(line);
            }
        }
        if (first) {
            throw new SdpParseException(Reason.MISSING_LINE, "no v= line");
        }
        if (mediaLine != null) {
            media.add(media(mediaLine, mediaLines));
        }
        if (session.stream().noneMatch(l -> l.type() == 'o')) {
            throw new SdpParseException(Reason.MISSING_LINE, "no o= line");
        }
        return new SessionDescription(session, media);
    }

    private static SdpLine line(String text) throws SdpParseException {
        if (text.length() < 2 || text.charAt(1) != '=' || !Character.isLetter(text.charAt(0))) {
            throw new SdpParseException(Reason.MALFORMED_LINE, "not a <type>=<value> line: " + shorten(text));
        }
        return new SdpLine(text.charAt(0), text.substring(2).stripTrailing());
    }

    private static MediaDescription media(String value, List<SdpLine> lines) throws SdpParseException {
        String[] parts = value.trim().split("\\s+");
        if (parts.length < 3) {
            throw new SdpParseException(Reason.BAD_MEDIA_LINE, "m=" + shorten(value));
        }
        int port;
        try {
            String portText = parts[1].contains("/") ? parts[1].substring(0, parts[1].indexOf('/')) : parts[1];
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new SdpParseException(Reason.BAD_MEDIA_LINE, "bad port in m=" + shorten(value));
        }
        if (port < 0 || port > 65535) {
            throw new SdpParseException(Reason.BAD_MEDIA_LINE, "port out of range in m=" + shorten(value));
        }
        List<String> formats = List.of(parts).subList(3, parts.length);
        return new MediaDescription(parts[0], port, parts[2], formats, lines);
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
