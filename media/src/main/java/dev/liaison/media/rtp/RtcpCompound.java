package dev.liaison.media.rtp;

import java.util.List;

/**
 * A parsed RTCP compound (or reduced-size, RFC 5506) packet: the packets Liaison reads, in order, and how many it
 * skipped (APP, unknown types and feedback formats).
 */
public record RtcpCompound(List<RtcpPacket> packets, int skipped) {
    public RtcpCompound {
        packets = List.copyOf(packets);
    }

    public <T extends RtcpPacket> List<T> all(Class<T> type) {
        return packets.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
