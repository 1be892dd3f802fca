package dev.liaison.cti.ucce.session;

import dev.liaison.cti.api.event.CallRef;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the session knows of one live call. Mutated on the link's dispatcher thread; read by operations on the caller's thread. */
final class TrackedCall {

    volatile CallRef ref;
    volatile String deviceId;
    volatile String agentDevice;
    volatile CallPhase phase = CallPhase.NEW;
    final Map<String, String> callData = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    TrackedCall(CallRef ref) {
        this.ref = ref;
    }
}
