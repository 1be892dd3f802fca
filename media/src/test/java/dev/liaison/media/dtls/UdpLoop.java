package dev.liaison.media.dtls;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.function.Consumer;

/** A loopback UDP socket with a reader thread handing every datagram to a consumer; the test's media port. */
final class UdpLoop implements AutoCloseable {
    private final DatagramSocket socket;
    private final Thread reader;
    private volatile SocketAddress peer;
    private volatile Consumer<byte[]> consumer = d -> {};

    UdpLoop() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        reader = new Thread(this::read, "udp-" + socket.getLocalPort());
        reader.setDaemon(true);
        reader.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    void connectTo(int port) {
        peer = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    void onDatagram(Consumer<byte[]> c) {
        consumer = c;
    }

    DatagramSender sender() {
        return (data, off, len) -> send(Arrays.copyOfRange(data, off, off + len));
    }

    void send(byte[] data) throws IOException {
        socket.send(new DatagramPacket(data, data.length, peer));
    }

    private void read() {
        byte[] buf = new byte[2048];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                return;
            }
            if (peer == null) {
                peer = p.getSocketAddress();
            }
            consumer.accept(Arrays.copyOfRange(p.getData(), 0, p.getLength()));
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
