package dev.liaison.media.dtls;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DatagramTransport;

/**
 * Bouncy Castle's datagram transport over a bounded queue: the socket reader offers datagrams (never blocking), the
 * handshake thread takes them; records go out through a {@link DatagramSender}.
 */
final class QueueDatagramTransport implements DatagramTransport {
    private static final int RECORD_OVERHEAD = 13 + 64;

    private final BlockingQueue<byte[]> inbound;
    private final DatagramSender sender;
    private final int mtu;
    private volatile boolean closed;

    QueueDatagramTransport(int capacity, int mtu, DatagramSender sender) {
        this.inbound = new ArrayBlockingQueue<>(capacity);
        this.mtu = mtu;
        this.sender = sender;
    }

    /** Queues a datagram; returns why it was dropped, or null when queued. */
    InboundDrop offer(byte[] datagram) {
        if (closed) {
            return InboundDrop.CLOSED;
        }
        if (datagram.length > mtu + RECORD_OVERHEAD) {
            return InboundDrop.OVERSIZE;
        }
        return inbound.offer(datagram.clone()) ? null : InboundDrop.QUEUE_FULL;
    }

    @Override
    public int getReceiveLimit() {
        return mtu + RECORD_OVERHEAD;
    }

    @Override
    public int getSendLimit() {
        return mtu;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        if (closed) {
            throw new IOException("transport closed");
        }
        byte[] datagram;
        try {
            datagram = waitMillis <= 0 ? inbound.poll() : inbound.poll(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for DTLS");
        }
        if (datagram == null) {
            return -1;
        }
        int n = Math.min(len, datagram.length);
        System.arraycopy(datagram, 0, buf, off, n);
        return n;
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("transport closed");
        }
        sender.send(buf, off, len);
    }

    @Override
    public void close() {
        closed = true;
        inbound.clear();
    }
}
