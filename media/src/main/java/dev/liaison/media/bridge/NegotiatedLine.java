package dev.liaison.media.bridge;

import dev.liaison.media.sdp.Direction;
import dev.liaison.media.sdp.RtpMap;
import java.util.List;

/**
 * One media section after an offer and its answer: the codecs each side uses (each with its own payload types), the
 * codec pair of the plan, and each side's direction as it wrote it.
 *
 * @param index position of the section in both sides' SDP
 * @param media {@code audio} or {@code video}
 * @param accepted false when the section was refused (port 0) on either side
 * @param codecsA what side A sends and receives on this section
 * @param codecsB what side B sends and receives
 * @param planA the plan's codec on side A (null when refused)
 * @param planB the plan's codec on side B
 * @param transcode true when the plan transcodes between planA and planB
 * @param directionA side A's direction attribute (a hold address counts as not receiving)
 * @param directionB side B's direction attribute
 */
record NegotiatedLine(
        int index,
        String media,
        boolean accepted,
        List<RtpMap> codecsA,
        List<RtpMap> codecsB,
        RtpMap planA,
        RtpMap planB,
        boolean transcode,
        Direction directionA,
        Direction directionB) {

    List<RtpMap> codecs(BridgeSide side) {
        return side == BridgeSide.A ? codecsA : codecsB;
    }

    RtpMap plan(BridgeSide side) {
        return side == BridgeSide.A ? planA : planB;
    }

    Direction direction(BridgeSide side) {
        return side == BridgeSide.A ? directionA : directionB;
    }

    boolean video() {
        return media.equals("video");
    }

    /** Media flows from {@code side} to the other: it sends and the other receives. */
    boolean flows(BridgeSide side) {
        return accepted && sends(direction(side)) && receives(direction(side.other()));
    }

    static boolean sends(Direction d) {
        return d == Direction.SENDRECV || d == Direction.SENDONLY;
    }

    static boolean receives(Direction d) {
        return d == Direction.SENDRECV || d == Direction.RECVONLY;
    }
}
