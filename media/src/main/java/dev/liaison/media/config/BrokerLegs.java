package dev.liaison.media.config;

import dev.liaison.media.leg.LegFactory;
import dev.liaison.media.leg.RtpLegControl;
import dev.liaison.media.leg.WebRtcLegControl;
import dev.liaison.media.rtp.RtpLegs;
import dev.liaison.media.srtp.SrtpProfile;
import dev.liaison.media.webrtc.WebRtcLegs;
import java.util.Optional;

/**
 * The running broker's two leg factories as one {@link LegFactory}: WebRTC legs on the muxed port, SIP-side legs on
 * the RTP port range. Closing it closes every open leg, the DTLS handshake pool and the RTP reader thread (the
 * Spring context does that when the broker stops, before the port is closed).
 */
public final class BrokerLegs implements LegFactory, AutoCloseable {

    private final WebRtcLegs webRtc;
    private final RtpLegs rtp;

    public BrokerLegs(WebRtcLegs webRtc, RtpLegs rtp) {
        this.webRtc = webRtc;
        this.rtp = rtp;
    }

    @Override
    public WebRtcLegControl openWebRtc(String bridgeId) {
        return webRtc.open(bridgeId);
    }

    @Override
    public RtpLegControl openRtp(String bridgeId, Optional<SrtpProfile> sdes) {
        return rtp.open(bridgeId, sdes);
    }

    /** WebRTC legs open now. */
    public int webRtcLegs() {
        return webRtc.openCount();
    }

    /** SIP-side legs open now. */
    public int rtpLegs() {
        return rtp.openCount();
    }

    @Override
    public void close() {
        try {
            webRtc.close();
        } finally {
            rtp.close();
        }
    }
}
