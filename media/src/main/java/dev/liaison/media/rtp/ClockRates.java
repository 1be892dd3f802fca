package dev.liaison.media.rtp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RTP clock rate of each payload type a leg sees, for jitter (RFC 3550 A.8) and sender-report timestamps: the rate
 * the negotiated codec's {@code a=rtpmap} gave, else the static payload types' rate of RFC 3551 (table 4 and 5), else
 * the leg's default. Thread-safe: the signaling thread sets rates while media threads read them.
 */
public final class ClockRates {
    private static final int[] STATIC = staticRates();

    private final int fallback;
    private final Map<Integer, Integer> negotiated = new ConcurrentHashMap<>();

    /** @param fallback the rate of dynamic payload types nobody named */
    public ClockRates(int fallback) {
        if (fallback < 1) {
            throw new IllegalArgumentException("clock rate must be positive, got " + fallback);
        }
        this.fallback = fallback;
    }

    /**
     * The rate of {@code payloadType} from the SDP's rtpmap.
     *
     * @throws IllegalArgumentException for a payload type outside 0..127 or a rate that is not positive
     */
    public void put(int payloadType, int hz) {
        if (payloadType < 0 || payloadType > 127 || hz < 1) {
            throw new IllegalArgumentException(
                    "payload type 0..127 and a positive clock rate, got " + payloadType + "/" + hz);
        }
        negotiated.put(payloadType, hz);
    }

    /** Whether {@code payloadType}'s rate is known (named by the SDP, or static), not the fallback. */
    public boolean known(int payloadType) {
        return negotiated.containsKey(payloadType)
                || (payloadType >= 0 && payloadType < STATIC.length && STATIC[payloadType] > 0);
    }

    public int of(int payloadType) {
        Integer told = negotiated.get(payloadType);
        if (told != null) {
            return told;
        }
        int known = payloadType >= 0 && payloadType < STATIC.length ? STATIC[payloadType] : 0;
        return known > 0 ? known : fallback;
    }

    private static int[] staticRates() {
        int[] rates = new int[35];
        for (int pt : new int[] {0, 3, 4, 5, 7, 8, 9, 12, 13, 15, 18}) {
            rates[pt] =
                    8000; // PCMU, GSM, G723, DVI4/8000, LPC, PCMA, G722 (8000 by RFC 3551's erratum), QCELP, CN, G728,
            // G729
        }
        rates[6] = 16000; // DVI4
        rates[10] = 44100; // L16 stereo
        rates[11] = 44100; // L16 mono
        rates[16] = 11025; // DVI4
        rates[17] = 22050; // DVI4
        for (int pt : new int[] {14, 25, 26, 28, 31, 32, 33, 34}) {
            rates[pt] = 90000; // MPA, CelB, JPEG, nv, H261, MPV, MP2T, H263
        }
        return rates;
    }
}
