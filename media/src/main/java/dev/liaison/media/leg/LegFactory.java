package dev.liaison.media.leg;

import dev.liaison.media.srtp.SrtpProfile;
import java.util.Optional;

/** Opens legs for the bridges; the broker's configuration provides the real one, bridge tests a fake. */
public interface LegFactory {

    /**
     * A new WebRTC leg on the muxed port, with fresh ICE credentials.
     *
     * @throws LegUnavailableException when the port carries its maximum number of sessions
     */
    WebRtcLegControl openWebRtc(String bridgeId);

    /**
     * A new SIP-side leg on a free port pair; with {@code sdes} present it is an SDES-SRTP leg of that suite.
     *
     * @throws LegUnavailableException when the port range is exhausted
     */
    RtpLegControl openRtp(String bridgeId, Optional<SrtpProfile> sdes);
}
