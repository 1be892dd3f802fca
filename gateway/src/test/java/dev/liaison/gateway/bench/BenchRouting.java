package dev.liaison.gateway.bench;

import dev.liaison.gateway.call.B2bua;
import dev.liaison.gateway.call.CallEvent;
import dev.liaison.gateway.call.CallEventListener;
import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.LegKind;

/**
 * The routes of the benchmark: every incoming call is connected to one SIP target (the SIPp UAS), as a dial plan with
 * one entry would. Without a target, calls are refused with {@code unavailable}.
 */
final class BenchRouting implements CallEventListener {

    private final B2bua b2bua;
    private final String target;

    BenchRouting(B2bua b2bua, String target) {
        this.b2bua = b2bua;
        this.target = target;
        b2bua.addListener(this);
    }

    @Override
    public void onCallEvent(CallEvent event) {
        if (event instanceof CallEvent.Incoming incoming) {
            if (target.isEmpty()) {
                b2bua.reject(incoming.callId(), EndReason.UNAVAILABLE);
            } else {
                b2bua.connect(incoming.callId(), LegKind.SIP, target);
            }
        }
    }
}
