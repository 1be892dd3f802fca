package dev.liaison.media.leg;

/** What a {@link MediaLeg} reports to its bridge. Called on the leg's receiving thread; must not block. */
public interface LegListener {

    /** A valid, decrypted RTP packet arrived ({@code length} bytes of {@code packet} from offset 0). */
    void rtp(MediaLeg from, byte[] packet, int length);

    /** A valid, decrypted RTCP packet arrived. */
    void rtcp(MediaLeg from, byte[] packet, int length);

    /** The leg can no longer carry media (consent expired, DTLS failed); the bridge ends the call with the reason. */
    void ended(MediaLeg leg, LegEndReason reason);
}
