package dev.liaison.media.config;

import dev.liaison.media.bridge.BridgeSettings;
import dev.liaison.media.bridge.Bridges;
import dev.liaison.media.bridge.DtmfTimer;
import dev.liaison.media.bridge.MediaBridges;
import dev.liaison.media.leg.LegFactory;
import dev.liaison.media.rtp.RtpLegs;
import dev.liaison.media.rtp.RtpSettings;
import dev.liaison.media.webrtc.WebRtcLegs;
import java.util.Optional;

/**
 * The application's assembly of the broker: the single place that names the leg and bridge implementations. WebRTC
 * legs ({@link WebRtcLegs}) on the muxed port, SIP-side legs ({@link RtpLegs}) on the RTP port range, and
 * {@link Bridges} over both. The broker's consent sweep ends WebRTC legs whose consent expired; its inactivity sweep
 * ends bridges silent for longer than {@code liaison.media.inactivity-timeout}; bridges ended on their own are
 * reported on {@code media:events}, and so are the DTMF keys the bridges detect in the legs' telephone-events. Generated DTMF is spaced on the broker's scheduled thread. The legs ({@link BrokerLegs}) are closed when the broker stops.
 */
public class StandardBrokerAssembly implements BrokerAssembly {

    @Override
    public LegFactory legs(BrokerResources resources) {
        MediaProperties properties = resources.properties();
        WebRtcLegs webRtc = new WebRtcLegs(
                resources.mux(),
                resources.certificates(),
                resources.dtls(),
                resources.meters(),
                resources.clock(),
                WebRtcLegs.DEFAULT_HANDSHAKE_THREADS);
        resources.sweeps().onConsentExpired(webRtc::consentExpired);
        MediaProperties.Rtp settings = properties.rtp();
        RtpLegs rtp = new RtpLegs(
                new RtpSettings(
                        resources.addresses().rtpBind(),
                        resources.addresses().rtpAdvertised(),
                        settings.portMin(),
                        settings.portMax(),
                        settings.maxLegs(),
                        settings.latching()),
                resources.meters(),
                resources.clock());
        return new BrokerLegs(webRtc, rtp);
    }

    @Override
    public MediaBridges bridges(LegFactory legs, BrokerResources resources) {
        MediaProperties properties = resources.properties();
        BridgeSettings defaults = BridgeSettings.defaults(
                resources.addresses().candidates(),
                resources.addresses().rtpAdvertised().getHostAddress());
        BridgeSettings settings = new BridgeSettings(
                defaults.webRtcCandidates(),
                defaults.rtpAddress(),
                defaults.webRtcCodecs(),
                defaults.rtpCodecs(),
                properties.sdes().offer() ? Optional.of(properties.sdes().srtpProfile()) : Optional.empty(),
                properties.inactivityTimeout(),
                defaults.maxBridges());
        Bridges bridges = new Bridges(
                legs,
                settings,
                resources.meters(),
                resources.events()::bridgeEnded,
                resources.clock(),
                DtmfTimer.on(resources.scheduler()),
                resources.events()::dtmfReceived);
        resources.sweeps().onInactivitySweep(now -> bridges.sweepInactive());
        return bridges;
    }
}
