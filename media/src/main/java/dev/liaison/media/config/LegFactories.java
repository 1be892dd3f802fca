package dev.liaison.media.config;

import dev.liaison.media.leg.LegFactory;
import dev.liaison.media.leg.LegUnavailableException;
import dev.liaison.media.leg.RtpLegControl;
import dev.liaison.media.leg.WebRtcLegControl;
import dev.liaison.media.srtp.SrtpProfile;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** {@link LegFactory} from its two halves, so the WebRTC and the RTP leg factories can be separate classes. */
public final class LegFactories {

    private LegFactories() {}

    /** A factory that opens WebRTC legs with {@code webRtc} and SIP-side legs with {@code rtp}. */
    public static LegFactory of(
            Function<String, WebRtcLegControl> webRtc, BiFunction<String, Optional<SrtpProfile>, RtpLegControl> rtp) {
        Objects.requireNonNull(webRtc, "webRtc");
        Objects.requireNonNull(rtp, "rtp");
        return new LegFactory() {
            @Override
            public WebRtcLegControl openWebRtc(String bridgeId) {
                return webRtc.apply(bridgeId);
            }

            @Override
            public RtpLegControl openRtp(String bridgeId, Optional<SrtpProfile> sdes) {
                return rtp.apply(bridgeId, sdes);
            }
        };
    }

    /** A factory whose every open fails with {@link LegUnavailableException} carrying {@code why}. */
    public static LegFactory unavailable(String why) {
        return of(
                bridgeId -> {
                    throw new LegUnavailableException(why);
                },
                (bridgeId, sdes) -> {
                    throw new LegUnavailableException(why);
                });
    }
}
