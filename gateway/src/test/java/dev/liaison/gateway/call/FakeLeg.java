package dev.liaison.gateway.call;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A call leg that records the commands it gets and lets the test play the far end through its listener. */
public final class FakeLeg implements CallLeg {

    private final String id;
    private final LegKind kind;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private volatile LegListener listener;
    private volatile LegState state = LegState.NEW;
    private volatile boolean takesEarlyOffers;
    private final List<String> qualityReports = new CopyOnWriteArrayList<>();

    public FakeLeg(String id, LegKind kind) {
        this.id = id;
        this.kind = kind;
    }

    /** Whether {@link #canTakeEarlyOffer} says yes (an early dialog with PRACK and UPDATE, for a SIP leg). */
    public void takeEarlyOffers(boolean takes) {
        this.takesEarlyOffers = takes;
    }

    @Override
    public boolean canTakeEarlyOffer() {
        return takesEarlyOffers;
    }

    public List<String> commands() {
        return commands;
    }

    public String lastCommand() {
        return commands.isEmpty() ? "" : commands.get(commands.size() - 1);
    }

    public LegListener listener() {
        return listener;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public LegKind kind() {
        return kind;
    }

    @Override
    public LegState state() {
        return state;
    }

    @Override
    public String remoteIdentity() {
        return "fake:" + id;
    }

    @Override
    public void start(Optional<String> sdpOffer) {
        state = LegState.CALLING;
        commands.add("start " + sdpOffer.orElse("<no offer>"));
    }

    @Override
    public void ringing(Optional<String> earlySdp) {
        commands.add("ringing " + earlySdp.orElse("<no sdp>"));
    }

    @Override
    public void answer(String sdp) {
        state = LegState.ANSWERED;
        commands.add("answer " + sdp);
    }

    @Override
    public void reject(EndReason reason) {
        state = LegState.ENDED;
        commands.add("reject " + reason.sipStatus());
    }

    @Override
    public void hangUp(EndReason reason) {
        state = LegState.ENDED;
        commands.add("hangUp " + reason.code());
    }

    @Override
    public void updateMedia(String sdpOffer) {
        commands.add("updateMedia " + sdpOffer);
    }

    @Override
    public void answerMediaUpdate(String sdpAnswer) {
        commands.add("answerMediaUpdate " + sdpAnswer);
    }

    @Override
    public void refuseMediaUpdate(int sipStatus, String reasonPhrase) {
        commands.add("refuseMediaUpdate " + sipStatus);
    }

    @Override
    public void sendDtmf(char digit, int durationMillis) {
        commands.add("dtmf " + digit);
    }

    @Override
    public void remoteMuteChanged(boolean audioMuted, boolean videoMuted) {
        commands.add("remoteMute audio=" + audioMuted + " video=" + videoMuted);
    }

    @Override
    public void reportTransferOutcome(int sipStatus, String reasonPhrase) {
        commands.add("transferOutcome " + sipStatus);
    }

    /** Media-quality reports as {@code own:<received>/<sent> <peerKind>:<received>/<sent>}. */
    public List<String> qualityReports() {
        return qualityReports;
    }

    @Override
    public void reportMediaQuality(
            dev.liaison.gateway.media.LegMediaStatistics own,
            LegKind peerKind,
            dev.liaison.gateway.media.LegMediaStatistics peer) {
        qualityReports.add("own:" + own.packetsReceived() + "/" + own.packetsSent() + " " + peerKind + ":"
                + peer.packetsReceived() + "/" + peer.packetsSent());
    }

    @Override
    public void setListener(LegListener listener) {
        this.listener = listener;
    }
}
