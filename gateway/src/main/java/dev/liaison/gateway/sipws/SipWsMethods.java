package dev.liaison.gateway.sipws;

import java.util.Set;

/** The SIP methods of {@code /ws/sip}: those served, and the standard ones that are known but refused with 405. */
final class SipWsMethods {

    static final String REGISTER = "REGISTER";
    static final String INVITE = "INVITE";
    static final String ACK = "ACK";
    static final String BYE = "BYE";
    static final String CANCEL = "CANCEL";
    static final String OPTIONS = "OPTIONS";

    /** The {@code Allow} header of every 405 and OPTIONS response. */
    static final String ALLOW = "Allow: REGISTER, INVITE, ACK, BYE, CANCEL, OPTIONS";

    /** Standard methods this endpoint does not serve (405); any other method is unknown (501). */
    static final Set<String> KNOWN_UNSUPPORTED =
            Set.of("SUBSCRIBE", "NOTIFY", "MESSAGE", "REFER", "INFO", "UPDATE", "PRACK", "PUBLISH");

    private SipWsMethods() {}
}
