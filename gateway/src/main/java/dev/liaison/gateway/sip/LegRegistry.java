package dev.liaison.gateway.sip;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The SIP legs alive on this node, by SIP Call-ID (one leg is one dialog, and a back-to-back user agent gives every
 * dialog its own Call-ID). A leg is removed when nothing of it is left on the wire; tests assert the registry is empty
 * at the end of every call flow.
 */
public final class LegRegistry {

    private final ConcurrentMap<String, SipLeg> byCallId = new ConcurrentHashMap<>();

    /** Adds the leg; false when a leg with the same Call-ID exists (a retransmitted or looped INVITE). */
    boolean add(SipLeg leg) {
        return byCallId.putIfAbsent(leg.sipCallId(), leg) == null;
    }

    Optional<SipLeg> find(String sipCallId) {
        return sipCallId == null ? Optional.empty() : Optional.ofNullable(byCallId.get(sipCallId));
    }

    void remove(SipLeg leg) {
        byCallId.remove(leg.sipCallId(), leg);
    }

    public int size() {
        return byCallId.size();
    }

    public boolean isEmpty() {
        return byCallId.isEmpty();
    }

    /** A snapshot of the live legs. */
    public Collection<SipLeg> all() {
        return List.copyOf(byCallId.values());
    }
}
