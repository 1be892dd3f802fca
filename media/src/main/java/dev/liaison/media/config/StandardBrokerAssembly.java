package dev.liaison.media.config;

import dev.liaison.media.bridge.MediaBridges;
import dev.liaison.media.leg.LegFactory;

/**
 * The application's assembly of the broker: the single place that names the leg and bridge implementations.
 *
 * <p>Plugging in the real ones takes two method bodies:
 *
 * <pre>{@code
 * public LegFactory legs(BrokerResources r) {
 *     WebRtcLegs webRtc = new WebRtcLegs(r.mux(), r.certificates(), r.dtls(), r.addresses().candidates(), ...);
 *     r.sweeps().onConsentExpired(webRtc::consentExpired);
 *     RtpLegs rtp = new RtpLegs(r.addresses().rtpBind(), r.properties().rtp(), ...);
 *     return LegFactories.of(webRtc::open, rtp::open);
 * }
 *
 * public MediaBridges bridges(LegFactory legs, BrokerResources r) {
 *     Bridges bridges = new Bridges(legs, ..., r.events()::bridgeEnded);
 *     r.sweeps().onInactivitySweep(bridges::sweepInactive);
 *     return bridges;
 * }
 * }</pre>
 *
 * <p>Until then this assembly opens no legs and refuses every bridge with {@code UNAVAILABLE}, so calls end with
 * {@code no-media} exactly as they did without a broker, while the port, the certificate, the sweeps and the
 * {@code media:} component run.
 */
public class StandardBrokerAssembly implements BrokerAssembly {

    static final String NOT_ASSEMBLED = "this build assembles no media legs and bridges (StandardBrokerAssembly)";

    @Override
    public LegFactory legs(BrokerResources resources) {
        return LegFactories.unavailable(NOT_ASSEMBLED);
    }

    @Override
    public MediaBridges bridges(LegFactory legs, BrokerResources resources) {
        return new UnavailableBridges(NOT_ASSEMBLED);
    }
}
