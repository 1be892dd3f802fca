package dev.liaison.gateway.sip;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.LegListener;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.awaitility.Awaitility;

/** A test double of the call: records every leg event; optionally reacts to media offers. */
final class RecordingLegListener implements LegListener {

    /** One event, with its SDP or reason where it has one. */
    record Event(String type, Optional<String> sdp, EndReason reason) {}

    final List<Event> events = new CopyOnWriteArrayList<>();
    private volatile BiConsumer<CallLeg, String> onMediaOffer = (leg, sdp) -> {};
    private volatile BiConsumer<CallLeg, String> onAnswered = (leg, sdp) -> {};

    RecordingLegListener answeringMediaOffersWith(String sdp) {
        onMediaOffer = (leg, offer) -> leg.answerMediaUpdate(sdp);
        return this;
    }

    RecordingLegListener onAnswered(BiConsumer<CallLeg, String> reaction) {
        onAnswered = reaction;
        return this;
    }

    @Override
    public void onRinging(CallLeg leg, Optional<String> earlySdp) {
        events.add(new Event("ringing", earlySdp, null));
    }

    @Override
    public void onAnswered(CallLeg leg, String sdp) {
        events.add(new Event("answered", Optional.of(sdp), null));
        onAnswered.accept(leg, sdp);
    }

    @Override
    public void onEnded(CallLeg leg, EndReason reason) {
        events.add(new Event("ended", Optional.empty(), reason));
    }

    @Override
    public void onMediaOffer(CallLeg leg, String sdpOffer) {
        events.add(new Event("mediaOffer", Optional.of(sdpOffer), null));
        onMediaOffer.accept(leg, sdpOffer);
    }

    @Override
    public void onMediaAnswer(CallLeg leg, String sdpAnswer) {
        events.add(new Event("mediaAnswer", Optional.of(sdpAnswer), null));
    }

    @Override
    public void onTransferRequested(CallLeg leg, String target, Optional<String> replaces) {
        events.add(new Event(
                "transfer",
                Optional.of(target + replaces.map(r -> " replaces " + r).orElse("")),
                null));
    }

    /** Waits for the {@code n}-th (1-based) event of {@code type}, and returns it. */
    Event await(String type, int n) {
        Awaitility.await(type + " #" + n)
                .atMost(Duration.ofSeconds(15))
                .until(() -> events.stream().filter(e -> e.type().equals(type)).count() >= n);
        return events.stream()
                .filter(e -> e.type().equals(type))
                .skip(n - 1)
                .findFirst()
                .orElseThrow();
    }

    Event await(String type) {
        return await(type, 1);
    }

    long count(String type) {
        return events.stream().filter(e -> e.type().equals(type)).count();
    }

    List<String> types() {
        return events.stream().map(Event::type).toList();
    }
}
