package dev.liaison.media.sdp;

/** Writes an SDP with CRLF line ends, lines in the order they are held. */
public final class SdpWriter {

    private SdpWriter() {}

    public static String write(SessionDescription sdp) {
        StringBuilder out = new StringBuilder(2048);
        out.append("v=0\r\n");
        for (SdpLine line : sdp.lines()) {
            out.append(line).append("\r\n");
        }
        for (MediaDescription m : sdp.media()) {
            out.append("m=").append(m.mediaLine().stripTrailing()).append("\r\n");
            for (SdpLine line : m.lines()) {
                out.append(line).append("\r\n");
            }
        }
        return out.toString();
    }
}
