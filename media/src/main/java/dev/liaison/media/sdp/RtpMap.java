package dev.liaison.media.sdp;

import java.util.Locale;

/** One payload type's codec: {@code a=rtpmap:<pt> <encoding>/<clock>[/<channels>]} and its {@code a=fmtp}. */
public record RtpMap(int payloadType, String encoding, int clockRate, int channels, String fmtp) {

    public RtpMap {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type out of range: " + payloadType);
        }
        fmtp = fmtp == null ? "" : fmtp;
    }

    /** RFC 3551 static payload types that may appear without an rtpmap line. */
    static RtpMap staticType(int payloadType) {
        return switch (payloadType) {
            case 0 -> new RtpMap(0, "PCMU", 8000, 1, "");
            case 3 -> new RtpMap(3, "GSM", 8000, 1, "");
            case 4 -> new RtpMap(4, "G723", 8000, 1, "");
            case 8 -> new RtpMap(8, "PCMA", 8000, 1, "");
            case 9 -> new RtpMap(9, "G722", 8000, 1, "");
            case 18 -> new RtpMap(18, "G729", 8000, 1, "");
            case 26 -> new RtpMap(26, "JPEG", 90000, 1, "");
            case 34 -> new RtpMap(34, "H263", 90000, 1, "");
            default -> null;
        };
    }

    public String encodingUpper() {
        return encoding.toUpperCase(Locale.ROOT);
    }

    /** Not a media codec of its own: DTMF events, comfort noise, retransmission, redundancy and FEC. */
    public boolean isAuxiliary() {
        return switch (encodingUpper()) {
            case "TELEPHONE-EVENT", "CN", "RTX", "RED", "ULPFEC", "FLEXFEC-03" -> true;
            default -> false;
        };
    }

    /** The {@code a=rtpmap} argument. */
    public String rtpmapValue() {
        return payloadType + " " + encoding + "/" + clockRate + (channels > 1 ? "/" + channels : "");
    }

    /** A parameter of the fmtp ({@code profile-level-id}, {@code packetization-mode}), or null. */
    public String fmtpParameter(String name) {
        for (String part : fmtp.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase(name)) {
                return part.substring(eq + 1).trim();
            }
        }
        return null;
    }

    public RtpMap withPayloadType(int pt) {
        return new RtpMap(pt, encoding, clockRate, channels, fmtp);
    }
}
