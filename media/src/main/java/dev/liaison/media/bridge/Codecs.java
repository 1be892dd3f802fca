package dev.liaison.media.bridge;

import dev.liaison.media.codec.G711;
import dev.liaison.media.sdp.BridgePlan;
import dev.liaison.media.sdp.CodecNegotiator;
import dev.liaison.media.sdp.RtpMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Which codecs the broker offers a side, and how it joins the two sides' codecs (pass through or transcode). */
final class Codecs {
    private Codecs() {}

    static boolean isOpus(RtpMap codec) {
        return codec.encoding().equalsIgnoreCase("opus") && codec.clockRate() == 48_000;
    }

    /** PCMU or PCMA at 8 kHz, else null. */
    static G711 law(RtpMap codec) {
        if (codec.clockRate() != 8000 || codec.channels() != 1) {
            return null;
        }
        return switch (codec.encodingUpper()) {
            case "PCMU" -> G711.PCMU;
            case "PCMA" -> G711.PCMA;
            default -> null;
        };
    }

    static boolean isEvent(RtpMap codec) {
        return codec.encoding().equalsIgnoreCase("telephone-event");
    }

    /** The pairs the broker transcodes: Opus to PCMU/PCMA and back. */
    static boolean transcodable(RtpMap a, RtpMap b) {
        return (isOpus(a) && law(b) != null) || (law(a) != null && isOpus(b));
    }

    /**
     * The codecs of an offer's section that the broker offers the other side: those of {@code offered} that the
     * other side's profile carries (so they pass through), then transcoding targets from {@code target} (G.711 when
     * the offer has Opus but no G.711, Opus when it has G.711 but no Opus), then telephone-event. Offered codecs keep
     * their payload types; added ones take theirs from {@code target} unless already used.
     */
    static List<RtpMap> offerCodecs(String media, List<RtpMap> offered, List<RtpMap> target) {
        List<RtpMap> out = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        offered.forEach(c -> used.add(c.payloadType()));
        Set<Integer> taken = new HashSet<>();
        for (RtpMap codec : offered) {
            if (!codec.isAuxiliary() && carries(target, codec) && taken.add(codec.payloadType())) {
                out.add(codec);
            }
        }
        if (!media.equals("audio")) {
            return out;
        }
        boolean offersOpus = offered.stream().anyMatch(Codecs::isOpus);
        boolean offersG711 = offered.stream().anyMatch(c -> law(c) != null);
        if (offersOpus && out.stream().noneMatch(c -> law(c) != null)) {
            target.stream().filter(c -> law(c) != null).forEach(c -> out.add(withFreeType(c, used)));
        }
        if (offersG711 && out.stream().noneMatch(Codecs::isOpus)) {
            target.stream().filter(Codecs::isOpus).forEach(c -> out.add(withFreeType(c, used)));
        }
        if (out.isEmpty()) {
            return out;
        }
        Set<Integer> clocks = new HashSet<>();
        out.forEach(c -> clocks.add(c.clockRate()));
        List<RtpMap> events = new ArrayList<>();
        for (RtpMap codec : offered) {
            if (isEvent(codec)
                    && carries(target, codec)
                    && clocks.contains(codec.clockRate())
                    && taken.add(codec.payloadType())) {
                events.add(codec);
            }
        }
        for (RtpMap codec : target) {
            if (isEvent(codec)
                    && clocks.contains(codec.clockRate())
                    && events.stream().noneMatch(e -> e.clockRate() == codec.clockRate())) {
                events.add(withFreeType(codec, used));
            }
        }
        out.addAll(events);
        return out;
    }

    /**
     * The plan of one section: the offerer's first codec the answerer also has passes through; else a transcodable
     * pair (Opus and G.711, audio only); empty when there is neither.
     */
    static Optional<BridgePlan> plan(String media, List<RtpMap> offerer, List<RtpMap> answerer) {
        BridgePlan plan = CodecNegotiator.plan(offerer, answerer);
        if (plan.outcome() == BridgePlan.Outcome.PASS_THROUGH) {
            return Optional.of(plan);
        }
        if (!media.equals("audio")) {
            return Optional.empty();
        }
        for (RtpMap a : offerer) {
            for (RtpMap b : answerer) {
                if (transcodable(a, b)) {
                    return Optional.of(new BridgePlan(BridgePlan.Outcome.TRANSCODE, a, b));
                }
            }
        }
        return Optional.empty();
    }

    /** The telephone-event of {@code codecs} at {@code clockRate}, else any telephone-event. */
    static Optional<RtpMap> event(List<RtpMap> codecs, int clockRate) {
        return codecs.stream()
                .filter(Codecs::isEvent)
                .filter(c -> c.clockRate() == clockRate)
                .findFirst()
                .or(() -> codecs.stream().filter(Codecs::isEvent).findFirst());
    }

    static Optional<RtpMap> same(List<RtpMap> codecs, RtpMap codec) {
        return codecs.stream().filter(c -> CodecNegotiator.sameCodec(c, codec)).findFirst();
    }

    private static boolean carries(List<RtpMap> profile, RtpMap codec) {
        return profile.stream().anyMatch(p -> CodecNegotiator.sameCodec(p, codec));
    }

    private static RtpMap withFreeType(RtpMap codec, Set<Integer> used) {
        int pt = codec.payloadType();
        if (used.contains(pt)) {
            pt = 96;
            while (pt < 128 && used.contains(pt)) {
                pt++;
            }
            if (pt == 128) {
                pt = 35; // RFC 3551 unassigned range
                while (used.contains(pt)) {
                    pt++;
                }
            }
        }
        used.add(pt);
        return codec.withPayloadType(pt);
    }
}
