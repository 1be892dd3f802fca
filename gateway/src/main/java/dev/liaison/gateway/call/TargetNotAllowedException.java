package dev.liaison.gateway.call;

/** The routes asked to connect a call to a SIP target that the restricted-destinations rule does not allow. */
public class TargetNotAllowedException extends RuntimeException {

    public TargetNotAllowedException(String target) {
        super("SIP target not allowed by liaison.gateway.calls.allowed-sip-targets: " + target);
    }
}
