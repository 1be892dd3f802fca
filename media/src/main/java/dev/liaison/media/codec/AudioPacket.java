package dev.liaison.media.codec;

/**
 * The RTP fields a transcoder reads and writes, without the RTP layer itself.
 *
 * @param payloadType RTP payload type
 * @param sequence 16-bit sequence number
 * @param timestamp 32-bit RTP timestamp in the payload's clock
 * @param marker RTP marker bit
 * @param payload the codec payload
 */
public record AudioPacket(int payloadType, int sequence, long timestamp, boolean marker, byte[] payload) {
    public AudioPacket {
        sequence &= 0xFFFF;
        timestamp &= 0xFFFFFFFFL;
    }
}
