package dev.liaison.routes.media;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;

/**
 * The broker counters the browser ITs compare before and after a call, summed over their tags.
 *
 * @param muxRtp RTP/RTCP datagrams the muxed port received ({@code liaison.media.mux.received{class=rtp}})
 * @param dtlsHandshakesSucceeded DTLS handshakes that succeeded ({@code liaison.media.dtls.handshakes{outcome=SUCCESS}})
 * @param transcoderEvents transcoder drops and concealments
 * @param transcoded packets the bridges transcoded ({@code liaison.media.bridge.relayed{mode=transcode}})
 * @param passedThrough packets the bridges relayed as they were ({@code liaison.media.bridge.relayed{mode=pass-through}})
 */
record BrokerMeters(
        double muxRtp,
        double dtlsHandshakesSucceeded,
        double transcoderEvents,
        double transcoded,
        double passedThrough) {

    static BrokerMeters read(MeterRegistry meters) {
        return new BrokerMeters(
                sum(meters.find("liaison.media.mux.received")
                        .tag("class", "rtp")
                        .counters()),
                sum(meters.find("liaison.media.dtls.handshakes")
                        .tag("outcome", "SUCCESS")
                        .counters()),
                sum(meters.find("liaison.media.transcoder.dropped").counters())
                        + sum(meters.find("liaison.media.transcoder.concealed").counters()),
                sum(meters.find("liaison.media.bridge.relayed")
                        .tag("mode", "transcode")
                        .counters()),
                sum(meters.find("liaison.media.bridge.relayed")
                        .tag("mode", "pass-through")
                        .counters()));
    }

    private static double sum(Collection<Counter> counters) {
        return counters.stream().mapToDouble(Counter::count).sum();
    }
}
