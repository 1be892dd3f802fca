package dev.liaison.gateway.client.session;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.LegListener;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The call side of a leg, keeping the events as strings ("answered:sdp", "ended:detach-timeout"). */
final class RecordingLegListener implements LegListener {

    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void onRinging(CallLeg leg, Optional<String> earlySdp) {
        events.add("ringing");
    }

    @Override
    public void onAnswered(CallLeg leg, String sdp) {
        events.add("answered:" + sdp);
    }

    @Override
    public void onEnded(CallLeg leg, EndReason reason) {
        events.add("ended:" + reason.code());
    }

    @Override
    public void onMediaOffer(CallLeg leg, String sdpOffer) {
        events.add("media-offer:" + sdpOffer);
    }

    @Override
    public void onMediaAnswer(CallLeg leg, String sdpAnswer) {
        events.add("media-answer:" + sdpAnswer);
    }

    @Override
    public void onDtmf(CallLeg leg, char digit, int durationMillis) {
        events.add("dtmf:" + digit);
    }

    @Override
    public void onMuteChanged(CallLeg leg, boolean audioMuted, boolean videoMuted) {
        events.add("mute:" + audioMuted + "," + videoMuted);
    }
}
