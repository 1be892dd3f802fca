package dev.liaison.media.stun;

import dev.liaison.media.stun.StunDecodeException.Reason;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * XOR-MAPPED-ADDRESS (RFC 8489 section 14.2): family, port xor the cookie's top 16 bits, address xor the cookie
 * (IPv4) or the cookie followed by the transaction id (IPv6).
 */
public final class XorMappedAddress {

    static final int FAMILY_IPV4 = 0x01;
    static final int FAMILY_IPV6 = 0x02;

    private XorMappedAddress() {}

    public static byte[] encode(InetSocketAddress address, byte[] transactionId) {
        byte[] ip = address.getAddress().getAddress();
        byte[] mask = mask(transactionId);
        ByteBuffer value = ByteBuffer.allocate(4 + ip.length);
        value.put((byte) 0);
        value.put((byte) (ip.length == 4 ? FAMILY_IPV4 : FAMILY_IPV6));
        value.putShort((short) (address.getPort() ^ (StunMessage.MAGIC_COOKIE >>> 16)));
        for (int i = 0; i < ip.length; i++) {
            value.put((byte) (ip[i] ^ mask[i]));
        }
        return value.array();
    }

    public static InetSocketAddress decode(byte[] value, byte[] transactionId) throws StunDecodeException {
        if (value.length < 4) {
            throw new StunDecodeException(Reason.BAD_ATTRIBUTE_VALUE, "XOR-MAPPED-ADDRESS too short");
        }
        int family = value[1] & 0xFF;
        int addressLength =
                switch (family) {
                    case FAMILY_IPV4 -> 4;
                    case FAMILY_IPV6 -> 16;
                    default ->
                        throw new StunDecodeException(Reason.BAD_ATTRIBUTE_VALUE, "unknown address family " + family);
                };
        if (value.length != 4 + addressLength) {
            throw new StunDecodeException(Reason.BAD_ATTRIBUTE_VALUE, "XOR-MAPPED-ADDRESS length " + value.length);
        }
        int port = StunDecoder.readShort(value, 2) ^ (StunMessage.MAGIC_COOKIE >>> 16);
        byte[] mask = mask(transactionId);
        byte[] ip = new byte[addressLength];
        for (int i = 0; i < addressLength; i++) {
            ip[i] = (byte) (value[4 + i] ^ mask[i]);
        }
        try {
            InetAddress address = addressLength == 4 ? Inet4Address.getByAddress(ip) : Inet6Address.getByAddress(ip);
            return new InetSocketAddress(address, port);
        } catch (UnknownHostException e) {
            throw new StunDecodeException(Reason.BAD_ATTRIBUTE_VALUE, "bad address: " + e.getMessage());
        }
    }

    private static byte[] mask(byte[] transactionId) {
        return ByteBuffer.allocate(16)
                .putInt(StunMessage.MAGIC_COOKIE)
                .put(transactionId)
                .array();
    }
}
