package dev.liaison.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RFC 3264 codec choice. Two codecs are the same when name, clock rate and channels match and, for H.264, the
 * packetization mode and the profile (profile_idc and constraint flags of profile-level-id) match too: then media
 * passes through unchanged. Payload type numbers do not matter (each side keeps its own).
 */
public final class CodecNegotiator {

    private CodecNegotiator() {}

    public static boolean sameCodec(RtpMap a, RtpMap b) {
        if (!a.encoding().equalsIgnoreCase(b.encoding())
                || a.clockRate() != b.clockRate()
                || a.channels() != b.channels()) {
            return false;
        }
        if (a.encodingUpper().equals("H264")) {
            return h264Profile(a).equalsIgnoreCase(h264Profile(b))
                    && packetizationMode(a).equals(packetizationMode(b));
        }
        return true;
    }

    /**
     * The answer's codecs: the offered ones (with the offer's payload types, in the offer's order) that {@code
     * supported} has; auxiliary ones (telephone-event, rtx...) only if supported too.
     */
    public static List<RtpMap> answerCodecs(List<RtpMap> offered, List<RtpMap> supported) {
        List<RtpMap> answer = new ArrayList<>();
        for (RtpMap codec : offered) {
            if (supported.stream().anyMatch(s -> sameCodec(s, codec)) && !isDuplicate(answer, codec)) {
                answer.add(codec);
            }
        }
        return answer;
    }

    /**
     * How the broker joins a leg offering {@code a} to a leg offering {@code b}: the first media codec of {@code a}
     * (its preference order) that {@code b} has is relayed untouched; if there is none, each leg keeps its first media
     * codec and the broker must transcode between them.
     */
    public static BridgePlan plan(List<RtpMap> a, List<RtpMap> b) {
        for (RtpMap codec : a) {
            if (codec.isAuxiliary()) {
                continue;
            }
            Optional<RtpMap> match = b.stream().filter(x -> sameCodec(x, codec)).findFirst();
            if (match.isPresent()) {
                return new BridgePlan(BridgePlan.Outcome.PASS_THROUGH, codec, match.get());
            }
        }
        Optional<RtpMap> firstA = a.stream().filter(c -> !c.isAuxiliary()).findFirst();
        Optional<RtpMap> firstB = b.stream().filter(c -> !c.isAuxiliary()).findFirst();
        if (firstA.isEmpty() || firstB.isEmpty()) {
            return new BridgePlan(BridgePlan.Outcome.NO_CODEC, null, null);
        }
        return new BridgePlan(BridgePlan.Outcome.TRANSCODE, firstA.get(), firstB.get());
    }

    private static boolean isDuplicate(List<RtpMap> chosen, RtpMap codec) {
        return !codec.isAuxiliary() && chosen.stream().anyMatch(c -> c.payloadType() == codec.payloadType());
    }

    /** profile_idc and profile-iop of profile-level-id (the level may differ between sides); 42 00 by default. */
    private static String h264Profile(RtpMap codec) {
        String id = codec.fmtpParameter("profile-level-id");
        return id == null || id.length() < 4 ? "4200" : id.substring(0, 4);
    }

    private static String packetizationMode(RtpMap codec) {
        String mode = codec.fmtpParameter("packetization-mode");
        return mode == null ? "0" : mode;
    }
}
