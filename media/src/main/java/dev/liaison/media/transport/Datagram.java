package dev.liaison.media.transport;

import java.net.InetSocketAddress;

/** One received datagram for a session: its class, bytes and source. */
public record Datagram(PacketClass packetClass, byte[] data, InetSocketAddress source) {}
