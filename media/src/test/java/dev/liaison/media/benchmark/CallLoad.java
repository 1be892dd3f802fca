package dev.liaison.media.benchmark;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives a set of {@link Phone}s: one thread sends every phone's packet every 20 ms (the phones spread over twenty 1 ms
 * slots, so the relay gets a steady stream rather than one burst), one thread receives on all of them through a
 * selector. Counts packets sent, received, failed, and the one-way delay of those received while recording.
 */
final class CallLoad implements AutoCloseable {
    private static final long PACKET_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final int SLOTS = 20;
    /** Delay histogram: 10 µs buckets up to 2 s. */
    private static final long BUCKET_NANOS = 10_000;

    private final List<Phone> phones;
    private final Selector selector;
    private final Thread sender;
    private final Thread receiver;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong sendFailed = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong senderStalls = new AtomicLong();
    private final long[] delays = new long[200_000];
    private volatile boolean sending = true;
    private volatile boolean recording;
    private volatile boolean running = true;

    CallLoad(List<Phone> phones) throws IOException {
        this.phones = List.copyOf(phones);
        selector = Selector.open();
        for (Phone phone : this.phones) {
            phone.channel.register(selector, SelectionKey.OP_READ, phone);
        }
        sender = new Thread(this::sendLoop, "bench-phones-send");
        receiver = new Thread(this::receiveLoop, "bench-phones-receive");
        receiver.start();
        sender.start();
    }

    long sent() {
        return sent.get();
    }

    long sendFailed() {
        return sendFailed.get();
    }

    long received() {
        return received.get();
    }

    long failed() {
        return failed.get();
    }

    /** Delays are recorded only between {@code recording(true)} and {@code recording(false)}. */
    void recording(boolean on) {
        recording = on;
    }

    /** Stops sending; the receiver goes on until {@link #close()}. */
    void stopSending() throws InterruptedException {
        sending = false;
        sender.join();
    }

    /** The delay at {@code quantile} (0 to 1) of the packets recorded, in milliseconds. */
    double delayMillis(double quantile) {
        long total = 0;
        for (long c : delays) {
            total += c;
        }
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < delays.length; i++) {
            seen += delays[i];
            if (seen >= rank && delays[i] > 0) {
                return (i + 1) * BUCKET_NANOS / 1e6;
            }
        }
        return delays.length * BUCKET_NANOS / 1e6;
    }

    /** Times the sender fell more than 60 ms behind its schedule and skipped ahead rather than send a burst. */
    long senderStalls() {
        return senderStalls.get();
    }

    private void sendLoop() {
        ByteBuffer scratch = ByteBuffer.allocateDirect(2048);
        long start = System.nanoTime();
        long slotNanos = PACKET_INTERVAL_NANOS / SLOTS;
        for (long slot = 0; sending; slot++) {
            long due = start + slot * slotNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (-wait > 3 * PACKET_INTERVAL_NANOS) {
                // starved for a while (a busy machine): go on from now, as a phone would, instead of a burst
                senderStalls.incrementAndGet();
                start += -wait;
            }
            int s = (int) (slot % SLOTS);
            for (int i = s; i < phones.size(); i += SLOTS) {
                try {
                    if (phones.get(i).send(scratch)) {
                        sent.incrementAndGet();
                    } else {
                        sendFailed.incrementAndGet();
                    }
                } catch (IOException e) {
                    sendFailed.incrementAndGet();
                }
            }
        }
    }

    private void receiveLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        byte[] data = buffer.array();
        try {
            while (running) {
                selector.select(100);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Phone phone = (Phone) key.attachment();
                    for (int n = 0; n < 16; n++) {
                        buffer.clear();
                        SocketAddress from = phone.channel.receive(buffer);
                        if (from == null) {
                            break;
                        }
                        long delay = phone.received(data, buffer.position(), System.nanoTime());
                        if (delay == Phone.FAILED) {
                            failed.incrementAndGet();
                        } else if (delay == Phone.UNTIMED) {
                            received.incrementAndGet();
                        } else if (delay >= 0) {
                            received.incrementAndGet();
                            if (recording) {
                                delays[(int) Math.min(delays.length - 1, delay / BUCKET_NANOS)]++;
                            }
                        }
                    }
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            if (running) {
                throw new IllegalStateException("the phones' receiver failed", e);
            }
        }
    }

    @Override
    public void close() throws Exception {
        sending = false;
        sender.join();
        running = false;
        selector.wakeup();
        receiver.join();
        selector.close();
        for (Phone phone : phones) {
            phone.close();
        }
    }
}
