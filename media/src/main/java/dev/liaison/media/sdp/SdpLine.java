package dev.liaison.media.sdp;

/** One {@code <type>=<value>} line, kept as written. For {@code a=} lines, {@link #name()} and {@link #argument()}. */
public record SdpLine(char type, String value) {

    public static SdpLine attribute(String name, String argument) {
        return new SdpLine('a', argument == null ? name : name + ":" + argument);
    }

    public boolean isAttribute() {
        return type == 'a';
    }

    /** The attribute name ({@code rtpmap} of {@code a=rtpmap:0 PCMU/8000}); the whole value of other lines. */
    public String name() {
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    /** The attribute value after the colon, or null for a flag attribute such as {@code a=rtcp-mux}. */
    public String argument() {
        int colon = value.indexOf(':');
        return colon < 0 ? null : value.substring(colon + 1);
    }

    @Override
    public String toString() {
        return type + "=" + value;
    }
}
