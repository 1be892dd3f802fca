package dev.liaison.media.sdp;

/** The codec decision for two legs: relay as is, transcode between two codecs, or no media codec on one side. */
public record BridgePlan(Outcome outcome, RtpMap codecA, RtpMap codecB) {

    public enum Outcome {
        /** Both legs use the same codec: packets are relayed, only payload type and SSRC may be rewritten. */
        PASS_THROUGH,
        /** The legs share no codec: the broker decodes one and encodes the other. */
        TRANSCODE,
        /** A leg offers no media codec at all (SIP 488). */
        NO_CODEC
    }

    public boolean transcodingNeeded() {
        return outcome == Outcome.TRANSCODE;
    }
}
