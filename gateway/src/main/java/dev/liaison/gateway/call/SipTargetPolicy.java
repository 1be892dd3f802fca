package dev.liaison.gateway.call;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The restricted-destinations rule for the trunk: a call may be connected to a SIP target only when the target
 * matches one of the configured patterns ({@code liaison.gateway.calls.allowed-sip-targets}). Client targets are
 * connected sessions and need no rule here; what a customer may dial is limited earlier, by the allow-list in the
 * customer's token.
 */
final class SipTargetPolicy {

    private final List<Pattern> allowed;

    SipTargetPolicy(List<String> patterns) {
        this.allowed = patterns.stream().map(Pattern::compile).toList();
    }

    boolean allows(String target) {
        return allowed.stream().anyMatch(p -> p.matcher(target).matches());
    }
}
