package dev.liaison.gateway.call;

import java.util.regex.Pattern;

/**
 * Tells from an SDP offer whether its sender puts the call on hold: a media direction of {@code sendonly} or
 * {@code inactive} (RFC 3264 section 8.4), or the older connection address {@code 0.0.0.0} (RFC 2543 style).
 */
final class SdpHold {

    private static final Pattern HOLD_DIRECTION = Pattern.compile("(?m)^a=(sendonly|inactive)\\s*$");
    private static final Pattern ZERO_ADDRESS = Pattern.compile("(?m)^c=IN IP4 0\\.0\\.0\\.0\\s*$");

    private SdpHold() {}

    static boolean isHold(String sdp) {
        return HOLD_DIRECTION.matcher(sdp).find() || ZERO_ADDRESS.matcher(sdp).find();
    }
}
