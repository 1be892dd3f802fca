package dev.liaison.media.srtp;

/** A packet after protect/unprotect: the new bytes when {@link SrtpOutcome#OK}, else null. */
public record SrtpResult(SrtpOutcome outcome, byte[] packet) {
    static SrtpResult dropped(SrtpOutcome outcome) {
        return new SrtpResult(outcome, null);
    }

    public boolean ok() {
        return outcome == SrtpOutcome.OK;
    }
}
