package dev.liaison.media.bridge;

import java.util.List;
import java.util.Optional;

/**
 * An offer the broker passed on and whose answer it waits for.
 *
 * @param offerer the side that offered
 * @param lines its media sections
 * @param setup the offerer's {@code a=setup} (WebRTC)
 * @param cryptoTag the tag of the offerer's {@code a=crypto} the broker accepted (SDES)
 * @param rtcpMux the offerer asked for rtcp-mux (RTP)
 */
record PendingOffer(
        BridgeSide offerer, List<OfferedLine> lines, String setup, Optional<String> cryptoTag, boolean rtcpMux) {}
